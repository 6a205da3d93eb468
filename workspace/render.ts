/**
 * Renders what the local story produced into plain HTML for a person to open: each sheet as a table
 * (cell colours, notes as hover text and a visible ⚑ marker, checkboxes as ☑/☐), emails as they would
 * look in a mail client. Everything shown is escaped: the sample cohort includes an HTML-named agent.
 */
import { escapeHtml, isDate } from '../src/domain/values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function cellText(value: unknown, display: string, isCheckbox: boolean): string {
  if (isCheckbox) return value === true ? '☑' : '☐';
  if (isDate(value)) return display;
  return display;
}

export function renderSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): string {
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (rows === 0 || cols === 0) return '<p class="empty">(empty)</p>';
  const range = sheet.getRange(1, 1, rows, cols);
  const values = range.getValues();
  const display = range.getDisplayValues();
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  const validations = range.getDataValidations();
  const body = values
    .map((line, r) => {
      const cells = line
        .map((value, c) => {
          const isCheckbox = String(validations[r][c]?.getCriteriaType() ?? '') === 'CHECKBOX';
          const text = escapeHtml(cellText(value, display[r][c], isCheckbox)).replace(/\n/g, '<br>');
          const note = notes[r][c];
          const bg = backgrounds[r][c];
          const style = bg && bg !== '#ffffff' ? ` style="background:${escapeHtml(bg)}"` : '';
          const title = note ? ` title="${escapeHtml(note)}"` : '';
          const marker = note ? `<span class="note">⚑ ${escapeHtml(note).replace(/\n/g, '<br>')}</span>` : '';
          const tag = r === 0 ? 'th' : 'td';
          return `<${tag}${style}${title}>${text}${marker}</${tag}>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  return `<table>\n${body}\n</table>`;
}

/** A chart drawn as HTML bars from its first two columns (label, value), with its title. */
export function renderCharts(sheet: GoogleAppsScript.Spreadsheet.Sheet): string {
  return sheet
    .getCharts()
    .map((chart) => {
      const [range] = chart.getRanges();
      if (!range) return '';
      const rows = range.getValues().slice(1);
      const max = Math.max(1, ...rows.map((r) => Number(r[r.length - 1]) || 0));
      const title = String(chart.getOptions().get('title') ?? 'Chart');
      const bars = rows
        .map((r) => {
          const value = Number(r[r.length - 1]) || 0;
          return `<div class="bar"><span>${escapeHtml(String(r[0]))}</span><b style="width:${Math.round((value / max) * 240)}px"></b> ${value}</div>`;
        })
        .join('');
      return `<figure class="chart"><figcaption>📊 ${escapeHtml(title)}</figcaption>${bars}</figure>`;
    })
    .join('');
}

export function renderSpreadsheet(ss: Spreadsheet): string {
  return ss
    .getSheets()
    .map((sheet) => {
      const hidden = sheet.isSheetHidden() ? ' <small>(hidden from agents)</small>' : '';
      return `<section><h2>${escapeHtml(sheet.getName())}${hidden}</h2>\n${renderCharts(sheet)}${renderSheet(sheet)}</section>`;
    })
    .join('\n');
}

export const PAGE_STYLE = `
body{font-family:system-ui,Segoe UI,Roboto,Arial,sans-serif;margin:24px;color:#202124}
table{border-collapse:collapse;font-size:12px;margin-bottom:24px}
th,td{border:1px solid #dadce0;padding:4px 6px;vertical-align:top;max-width:320px}
th{background:#cfe2f3;position:sticky;top:0}
.note{display:block;color:#a50e0e;font-size:11px;margin-top:2px}
.timeline li{margin:2px 0}
.empty{color:#5f6368}
nav a{margin-right:12px}
.chart .bar{font-size:12px;display:flex;align-items:center;gap:6px;margin:2px 0}
.chart .bar span{width:200px;text-align:right}
.chart .bar b{background:#4285f4;height:12px;display:inline-block}
`;

export function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>\n`;
}
