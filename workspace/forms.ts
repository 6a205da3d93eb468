/**
 * Fake `FormApp`: just what the Carrier Cert Completion Form needs, strictly.
 *
 * - A form lives in the Drive store (mime `application/vnd.google-apps.form`); `openById` of anything
 *   else fails with Drive's "No item with the given ID could be found…" text.
 * - A form's ID is not the ID in its published link: the edit URL is `…/forms/d/<id>/edit`, the link
 *   respondents use is `…/forms/d/e/<publishedId>/viewform` (a different, opaque ID).
 * - Responses may go to a destination spreadsheet (`setDestination(SPREADSHEET, id)`), where each
 *   submission appends a row to `Form Responses 1` (Timestamp, then one column per question title).
 * - Non-API `submit(formId, answers, respondentEmail?)` is a respondent pressing Submit: it stores the
 *   response, writes the destination row and returns what the workspace needs to fire triggers
 *   (`Workspace.submitForm` does that: form-bound triggers get `{ response, source }`, the destination
 *   spreadsheet's triggers get `{ namedValues, values, range }`, each run as its creator).
 *
 * Docs: https://developers.google.com/apps-script/reference/forms/form-response ("A response to the
 * form as a whole… getItemResponses()… getRespondentEmail()… getTimestamp()"),
 * https://developers.google.com/apps-script/guides/triggers/events (Forms "Form submit" installable:
 * `response` — "A FormResponse object, representing the user's response to the form as a whole";
 * `source` — the Form; Sheets "Form submit": `namedValues`, `values`, `range`).
 */
import type { DriveStore } from './driveStore';
import type { FakeClock } from './clock';
import type { Meter } from './meter';
import { gasEnum } from './utilities';

export const FORM_MIME = 'application/vnd.google-apps.form';
export const RESPONSES_SHEET = 'Form Responses 1';

interface StoredResponse {
  id: string;
  timestamp: Date;
  respondentEmail: string;
  answers: { itemId: number; response: string | string[] }[];
}

export interface FormModel {
  title: string;
  publishedId: string;
  collectEmail: boolean;
  items: { id: number; title: string }[];
  destination: { type: 'SPREADSHEET'; id: string } | null;
  responses: StoredResponse[];
}

type GItem = GoogleAppsScript.Forms.Item;
type GItemResponse = GoogleAppsScript.Forms.ItemResponse;
type GFormResponse = GoogleAppsScript.Forms.FormResponse;
type GForm = GoogleAppsScript.Forms.Form;
/** The fakes implement a subset; these types let them stand where Apps Script's full types are expected. */
export type FakeItemT = FakeItem & GItem;
export type FakeItemResponseT = FakeItemResponse & GItemResponse;
export type FakeFormResponseT = FakeFormResponse & GFormResponse;
export type FakeFormT = FakeForm & GForm;

class FakeItem implements Pick<GoogleAppsScript.Forms.Item, 'getId' | 'getTitle' | 'getIndex'> {
  constructor(
    private readonly meter: Meter,
    private readonly model: FormModel,
    private readonly id: number,
  ) {}

  private item(): { id: number; title: string } {
    const item = this.model.items.find((i) => i.id === this.id);
    if (!item) throw new Error('Invalid argument: item');
    return item;
  }

  getId(): number {
    this.meter.call('FormApp', 'getId');
    return this.id;
  }

  getTitle(): string {
    this.meter.call('FormApp', 'getTitle');
    return this.item().title;
  }

  getIndex(): number {
    this.meter.call('FormApp', 'getIndex');
    return this.model.items.indexOf(this.item());
  }
}

class FakeItemResponse implements Pick<GoogleAppsScript.Forms.ItemResponse, 'getItem' | 'getResponse'> {
  constructor(
    private readonly meter: Meter,
    private readonly model: FormModel,
    private readonly answer: StoredResponse['answers'][number],
  ) {}

  getItem(): FakeItemT {
    this.meter.call('FormApp', 'getItem');
    return new FakeItem(this.meter, this.model, this.answer.itemId) as unknown as FakeItemT;
  }

  getResponse(): string | string[] {
    this.meter.call('FormApp', 'getResponse');
    const r = this.answer.response;
    return Array.isArray(r) ? [...r] : r;
  }
}

export class FakeFormResponse implements Pick<
  GoogleAppsScript.Forms.FormResponse,
  'getId' | 'getItemResponses' | 'getRespondentEmail' | 'getTimestamp'
> {
  constructor(
    private readonly meter: Meter,
    private readonly model: FormModel,
    readonly stored: StoredResponse,
  ) {}

  getId(): string {
    this.meter.call('FormApp', 'getId');
    return this.stored.id;
  }

  getItemResponses(): FakeItemResponseT[] {
    this.meter.call('FormApp', 'getItemResponses');
    return this.stored.answers.map(
      (a) => new FakeItemResponse(this.meter, this.model, a) as unknown as FakeItemResponseT,
    );
  }

  /** '' unless the form collects email addresses (Form.setCollectEmail(true)), as documented. */
  getRespondentEmail(): string {
    this.meter.call('FormApp', 'getRespondentEmail');
    return this.model.collectEmail ? this.stored.respondentEmail : '';
  }

  getTimestamp(): Date {
    this.meter.call('FormApp', 'getTimestamp');
    return new Date(this.stored.timestamp.getTime());
  }
}

type FormKeys = 'getId' | 'getTitle' | 'getEditUrl' | 'getPublishedUrl' | 'getResponses';

export class FakeForm implements Pick<GoogleAppsScript.Forms.Form, FormKeys> {
  constructor(
    private readonly meter: Meter,
    private readonly store: DriveStore,
    readonly id: string,
  ) {}

  get model(): FormModel {
    return this.store.get(this.id).content as FormModel;
  }

  getId(): string {
    this.meter.call('FormApp', 'getId');
    return this.id;
  }

  getTitle(): string {
    this.meter.call('FormApp', 'getTitle');
    return this.model.title;
  }

  getEditUrl(): string {
    this.meter.call('FormApp', 'getEditUrl');
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }

  getPublishedUrl(): string {
    this.meter.call('FormApp', 'getPublishedUrl');
    return `https://docs.google.com/forms/d/e/${this.model.publishedId}/viewform`;
  }

  getResponses(timestamp?: GoogleAppsScript.Base.Date): FakeFormResponseT[] {
    this.meter.call('FormApp', 'getResponses');
    const from = timestamp ? timestamp.getTime() : -Infinity;
    return this.model.responses
      .filter((r) => r.timestamp.getTime() >= from)
      .map((r) => new FakeFormResponse(this.meter, this.model, r) as unknown as FakeFormResponseT);
  }
}

export interface FakeFormAppOptions {
  meter: Meter;
  store: DriveStore;
  clock: FakeClock;
}

export interface Submission {
  response: FakeFormResponseT;
  form: FakeFormT;
  /** The destination spreadsheet's id and the row written there (1-based), if the form has one. */
  destination: {
    spreadsheetId: string;
    row: number;
    namedValues: Record<string, string[]>;
    values: string[];
  } | null;
}

export class FakeFormApp implements Pick<GoogleAppsScript.Forms.FormApp, 'openById' | 'DestinationType'> {
  readonly DestinationType = gasEnum<typeof GoogleAppsScript.Forms.DestinationType>(['SPREADSHEET']);
  private readonly meter: Meter;
  private readonly store: DriveStore;
  private readonly clock: FakeClock;
  private seq = 0;

  constructor(options: FakeFormAppOptions) {
    this.meter = options.meter;
    this.store = options.store;
    this.clock = options.clock;
  }

  // ---- non-API helpers -----------------------------------------------------------------------------

  /** Creates a form (unmetered) with these question titles, optionally writing to a spreadsheet. */
  createForm(
    title: string,
    questions: string[],
    options: { destinationId?: string; collectEmail?: boolean; owner?: string } = {},
  ): FakeFormT {
    const model: FormModel = {
      title,
      publishedId: `1FAIpQLSf${(this.store.newId('pub') + 'x'.repeat(40)).slice(0, 40)}`,
      collectEmail: options.collectEmail ?? false,
      items: questions.map((q, i) => ({ id: 1000 + i, title: q })),
      destination: options.destinationId ? { type: 'SPREADSHEET', id: options.destinationId } : null,
      responses: [],
    };
    const file = this.store.add({
      name: title,
      mimeType: FORM_MIME,
      content: model,
      owner: options.owner,
      created: this.clock.now(),
    });
    return new FakeForm(this.meter, this.store, file.id) as unknown as FakeFormT;
  }

  /** The form's model (unmetered). */
  form(id: string): FakeFormT {
    return new FakeForm(this.meter, this.store, id) as unknown as FakeFormT;
  }

  /**
   * A respondent submits (unmetered): stores the response and returns it with the destination row's
   * values; the caller (Workspace.submitForm) writes that row and fires the triggers.
   */
  submit(formId: string, answers: Record<string, string | string[]>, respondentEmail = ''): Submission {
    const form = this.form(formId);
    const model = form.model;
    const unknown = Object.keys(answers).filter((q) => !model.items.some((i) => i.title === q));
    if (unknown.length) throw new Error(`The form "${model.title}" has no question ${unknown.join(', ')}.`);
    this.seq++;
    const stored: StoredResponse = {
      id: `2_ABaOnud${formId}_${this.seq}`,
      timestamp: this.clock.now(),
      respondentEmail,
      answers: model.items
        .filter((i) => answers[i.title] !== undefined)
        .map((i) => ({ itemId: i.id, response: answers[i.title] })),
    };
    model.responses.push(stored);
    const response = new FakeFormResponse(this.meter, model, stored) as unknown as FakeFormResponseT;
    if (!model.destination) return { response, form, destination: null };
    const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));
    const titles = [...(model.collectEmail ? ['Email Address'] : []), ...model.items.map((i) => i.title)];
    const cells = [
      ...(model.collectEmail ? [respondentEmail] : []),
      ...model.items.map((i) => text(answers[i.title])),
    ];
    const namedValues: Record<string, string[]> = { Timestamp: [stored.timestamp.toISOString()] };
    titles.forEach((t, k) => (namedValues[t] = [cells[k]]));
    return {
      response,
      form,
      destination: {
        spreadsheetId: model.destination.id,
        row: 0,
        namedValues,
        values: [stored.timestamp.toISOString(), ...cells],
      },
    };
  }

  // ---- API -----------------------------------------------------------------------------------------

  openById(id: string): FakeFormT {
    this.meter.call('FormApp', 'openById');
    const file = this.store.get(String(id));
    if (file.mimeType !== FORM_MIME) {
      throw new Error(
        `No item with the given ID could be found, or you do not have permission to access it. (${id})`,
      );
    }
    return new FakeForm(this.meter, this.store, file.id) as unknown as FakeFormT;
  }
}
