/**
 * The fake FormApp and form-submit triggers, as Google documents them:
 * - https://developers.google.com/apps-script/guides/triggers/installable — "An installable form submit
 *   trigger runs when a user responds to a form. There are two versions of the form-submit trigger, one
 *   for Google Forms itself and one for Sheets if the form submits to a spreadsheet." So a spreadsheet's
 *   onFormSubmit trigger never hears a form that writes elsewhere. Same page: "Script executions and API
 *   requests do not cause triggers to run" (FormResponse.submit() fires nothing).
 * - https://developers.google.com/apps-script/reference/script/form-trigger-builder#onFormSubmit() —
 *   "Specifies a trigger that fires when a response is submitted to the form."
 * - https://developers.google.com/apps-script/guides/triggers/events — Forms "Form submit": `response`,
 *   "A FormResponse object, representing the user's response to the form as a whole", `source` the Form;
 *   Sheets "Form submit": `namedValues`, `range`, `values`.
 * - https://developers.google.com/apps-script/reference/forms/form-response#getRespondentEmail() —
 *   "Gets the email address of the person who submitted a response, if the Form.setCollectEmail(collect)
 *   setting is enabled."
 */
import { RESPONSES_SHEET } from '../../workspace/forms';
import { Workspace } from '../../workspace/workspace';

function setup() {
  const ws = new Workspace({ user: 'tl1@example.com', now: new Date('2026-12-02T17:00:00Z') });
  const responses = ws.spreadsheets.create('Completion Form (Responses)');
  const form = ws.forms.createForm('Carrier Cert Completion Form', ['cXp Email', 'Notes'], {
    destinationId: responses.getId(),
  });
  return { ws, responses, form };
}

describe('FakeFormApp and form-submit triggers', () => {
  test('a tracker onFormSubmit trigger never fires for a form that writes to another spreadsheet', () => {
    const { ws, responses, form } = setup();
    ws.script.newTrigger('onTracker').forSpreadsheet(ws.tracker).onFormSubmit().create();
    ws.script.newTrigger('onResponses').forSpreadsheet(responses).onFormSubmit().create();
    const events: Record<string, unknown[]> = { onTracker: [], onResponses: [] };
    const bundle = {
      onTracker: (e: unknown) => events.onTracker.push(e),
      onResponses: (e: unknown) => events.onResponses.push(e),
    };
    const ran = ws.submitForm(bundle, form.id, { 'cXp Email': 'a0@example.com', Notes: 'done' });
    expect(ran).toEqual(['onResponses']);
    expect(events.onTracker).toHaveLength(0);
    const e = events.onResponses[0] as GoogleAppsScript.Events.SheetsOnFormSubmit;
    expect(e.namedValues['cXp Email']).toEqual(['a0@example.com']);
    expect(e.range.getSheet().getName()).toBe(RESPONSES_SHEET);
    expect(responses.sheet(RESPONSES_SHEET).getRange(2, 2).getValue()).toBe('a0@example.com');
  });

  test('a form trigger fires with the Forms event shape (e.response, e.source)', () => {
    const { ws, form } = setup();
    ws.script.newTrigger('onForm').forForm(form.id).onFormSubmit().create();
    const got: GoogleAppsScript.Events.FormsOnFormSubmit[] = [];
    ws.submitForm(
      { onForm: (e: unknown) => got.push(e as GoogleAppsScript.Events.FormsOnFormSubmit) },
      form.id,
      {
        'cXp Email': 'a0@example.com',
      },
    );
    expect(got).toHaveLength(1);
    const items = got[0].response.getItemResponses();
    expect(items.map((i) => [i.getItem().getTitle(), i.getResponse()])).toEqual([
      ['cXp Email', 'a0@example.com'],
    ]);
    expect(got[0].source.getId()).toBe(form.id);
    expect(got[0].response.getRespondentEmail()).toBe(''); // the form does not collect emails
    expect(got[0].triggerUid).toBe(ws.script.list()[0].id);
    expect('namedValues' in got[0]).toBe(false);
  });

  test('the respondent email is known only when the form collects it', () => {
    const ws = new Workspace();
    const form = ws.forms.createForm('F', ['OID'], { collectEmail: true });
    const sub = ws.forms.submit(form.id, { OID: 'OID1000' }, 'agent@example.com');
    expect(sub.response.getRespondentEmail()).toBe('agent@example.com');
    expect(sub.destination).toBeNull();
  });

  test('the published link does not carry the form ID; openById of a non-form fails', () => {
    const { ws, form } = setup();
    const opened = ws.forms.openById(form.id);
    expect(opened.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.id}/edit`);
    expect(opened.getPublishedUrl()).toMatch(/\/forms\/d\/e\/[^/]+\/viewform$/);
    expect(opened.getPublishedUrl()).not.toContain(form.id);
    expect(() => ws.forms.openById(ws.tracker.getId())).toThrow(/No item with the given ID could be found/);
    expect(() => ws.forms.submit(form.id, { 'No such question': 'x' })).toThrow(/has no question/);
  });
});
