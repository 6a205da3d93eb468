/** src/gas/open.ts and retry.ts on the installed fakes: Google's transient texts retried, real errors not. */
import { openDocument, openForm, openSpreadsheet } from '../../src/gas/open';
import { isTransient } from '../../src/gas/retry';
import { GOOGLE_TRANSIENT } from '../../workspace/meter';
import { Workspace } from '../../workspace/workspace';

function workspace(): Workspace {
  const ws = new Workspace({ now: new Date('2026-12-03T16:00:00Z') });
  ws.installGlobals();
  return ws;
}

describe('isTransient', () => {
  it.each([
    GOOGLE_TRANSIENT.serviceFailed('Spreadsheets', 'abc123'),
    GOOGLE_TRANSIENT.serviceFailed('Documents', 'abc123'),
    GOOGLE_TRANSIENT.serviceTimedOut('Spreadsheets', 'abc123'),
    GOOGLE_TRANSIENT.serviceError('Spreadsheets'),
    GOOGLE_TRANSIENT.tooManyInShortTime('Spreadsheets'),
    GOOGLE_TRANSIENT.simultaneous('Spreadsheets'),
    GOOGLE_TRANSIENT.serverError(),
  ])('retries %j', (message) => expect(isTransient(new Error(message))).toBe(true));

  it.each([
    'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    "Document abc is missing (perhaps it was deleted, or you don't have read access?)",
    'Service invoked too many times for one day: email.',
  ])('does not retry %j', (message) => expect(isTransient(new Error(message))).toBe(false));
});

describe('openSpreadsheet / openDocument', () => {
  it('retry a transient failure of openById and return the file', () => {
    const ws = workspace();
    const id = ws.tracker.getId();
    ws.meter.injectFault({
      service: 'SpreadsheetApp',
      method: 'openById',
      every: 1,
      times: 2,
      message: GOOGLE_TRANSIENT.serviceFailed('Spreadsheets', id),
    });
    const start = ws.clock.now().getTime();
    expect(openSpreadsheet(id).getId()).toBe(id);
    expect(ws.meter.count('SpreadsheetApp.openById')).toBe(3);
    expect(ws.clock.now().getTime() - start).toBe(500 + 1000); // Utilities.sleep backoff
    const doc = ws.documents.create('CAP');
    ws.meter.injectFault({
      service: 'DocumentApp',
      method: 'openById',
      nth: 1,
      message: GOOGLE_TRANSIENT.serviceFailed('Documents', doc.getId()),
    });
    expect(openDocument(doc.getId()).getId()).toBe(doc.getId());
    const form = ws.forms.createForm('Completion', ['OID']);
    ws.meter.injectFault({
      service: 'FormApp',
      method: 'openById',
      nth: 1,
      message: 'Service Forms failed while accessing document with id ' + form.getId() + '.',
    });
    expect(openForm(form.getId()).getTitle()).toBe('Completion');
    expect(ws.meter.count('FormApp.openById')).toBe(2);
  });

  it("give up after 4 attempts with Google's message", () => {
    const ws = workspace();
    const id = ws.tracker.getId();
    ws.meter.injectFault({
      service: 'SpreadsheetApp',
      method: 'openById',
      every: 1,
      message: GOOGLE_TRANSIENT.serviceError('Spreadsheets'),
    });
    expect(() => openSpreadsheet(id)).toThrow('Service error: Spreadsheets');
    expect(ws.meter.count('SpreadsheetApp.openById')).toBe(4);
  });

  it('fail at once on a real error (unknown id)', () => {
    const ws = workspace();
    expect(() => openSpreadsheet('no-such-id')).toThrow(/could be found|openById/);
    expect(ws.meter.count('SpreadsheetApp.openById')).toBe(1);
    expect(() => openDocument('no-such-doc')).toThrow(/is missing/);
    expect(ws.meter.count('DocumentApp.openById')).toBe(1);
  });
});
