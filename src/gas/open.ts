/**
 * Opening another Google file by id, retried on Google's transient failures.
 *
 * `SpreadsheetApp.openById` / `DocumentApp.openById` / `FormApp.openById` fail now and then with
 * "Service Spreadsheets failed while accessing document with id …" (or "Service Documents …") although
 * the file is there and shared; the same call succeeds seconds later. `withRetry` retries those (see
 * `isTransient` in retry.ts) and fails at once on real errors such as no access or an unknown id, so
 * a hot path (the nightly sweep, the progress sync) is not killed by one blip.
 */
import { withRetry } from './retry';

export function openSpreadsheet(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return withRetry(() => SpreadsheetApp.openById(id));
}

export function openDocument(id: string): GoogleAppsScript.Document.Document {
  return withRetry(() => DocumentApp.openById(id));
}

export function openForm(id: string): GoogleAppsScript.Forms.Form {
  return withRetry(() => FormApp.openById(id));
}
