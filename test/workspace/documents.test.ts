import { FakeClock } from '../../workspace/clock';
import { FakeDocumentApp, type DocumentModel } from '../../workspace/documents';
import { DriveStore, MIME } from '../../workspace/driveStore';
import { Meter } from '../../workspace/meter';

function setup() {
  const meter = new Meter();
  const clock = new FakeClock(new Date('2026-01-08T15:00:00Z'));
  const store = new DriveStore('lead@example.com');
  return { meter, store, docs: new FakeDocumentApp({ meter, store, clock }) };
}

describe('FakeDocumentApp', () => {
  test('create makes a Drive file of MIME.document; openById reopens it', () => {
    const { docs, store } = setup();
    const doc = docs.create('CAP - Ann');
    const file = store.get(doc.getId());
    expect(file.mimeType).toBe(MIME.document);
    expect(file.name).toBe('CAP - Ann');
    expect(file.created.toISOString()).toBe('2026-01-08T15:00:00.000Z');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(docs.openById(doc.getId()).getName()).toBe('CAP - Ann');
    expect(docs.openByUrl(doc.getUrl()).getId()).toBe(doc.getId());
    expect(() => docs.openById('nope')).toThrow('is missing');
  });

  test('body: paragraphs with headings, tables, rules, replaceText', () => {
    const { docs } = setup();
    const doc = docs.create('CAP');
    const body = doc.getBody();
    body.appendParagraph('Final CAP for {{agent}}').setHeading(docs.ParagraphHeading.HEADING1);
    body.appendTable([
      ['Item', 'Status'],
      ['AHIP Final', '{{status}}'],
    ]);
    body.appendHorizontalRule();
    body.appendParagraph('Deadline: {{deadline}}');
    body.replaceText('\\{\\{agent\\}\\}', 'Ann \\$1 <x>'); // an escaped $ is literal
    body.replaceText('{{status}}'.replace(/[{}]/g, '\\$&'), 'Incomplete');
    expect(body.getText()).toBe(
      '\nFinal CAP for Ann $1 <x>\nItem\tStatus\nAHIP Final\tIncomplete\n\nDeadline: {{deadline}}',
    );
    const paragraphs = body.getParagraphs();
    expect(paragraphs[1].getHeading()).toBe(docs.ParagraphHeading.HEADING1);
    // Body.getParagraphs() includes the paragraphs inside table cells.
    expect(paragraphs.map((p) => p.getText())).toEqual([
      '',
      'Final CAP for Ann $1 <x>',
      'Item',
      'Status',
      'AHIP Final',
      'Incomplete',
      'Deadline: {{deadline}}',
    ]);
    body.editAsText().appendText(' (8 working hours)');
    expect(docs.textOf(doc.getId()).endsWith('{{deadline}} (8 working hours)')).toBe(true);
    doc.saveAndClose();
    expect(() => body.appendParagraph('late')).toThrow('Document is closed');
  });

  test('the registered cloner makes Drive copies independent', () => {
    const { docs, store } = setup();
    const templateId = docs.seed('CAP template', ['Agent: {{agent}}']);
    const copy = store.add({
      name: 'copy',
      mimeType: MIME.document,
      content: store.cloneContent(store.get(templateId)),
    });
    docs.openById(copy.id).getBody().replaceText('\\{\\{agent\\}\\}', 'Bob');
    expect(docs.textOf(copy.id)).toBe('Agent: Bob');
    expect(docs.textOf(templateId)).toBe('Agent: {{agent}}');
    expect((store.get(copy.id).content as DocumentModel).elements).toHaveLength(1);
  });

  test('meters DocumentApp calls', () => {
    const { docs, meter } = setup();
    docs.create('x').getBody().appendParagraph('y');
    expect(meter.count('DocumentApp.create')).toBe(1);
    expect(meter.count('DocumentApp.appendParagraph')).toBe(1);
  });
});
