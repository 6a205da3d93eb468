/**
 * The cohort status screen: every agent's progress, pace and open issues, filtered by team lead; "Open"
 * selects the agent's tracker row. Bundled into CohortStatus.html by scripts/build.mjs.
 *
 * Everything shown is set with textContent: names and issues are typed by people.
 */
import type { CohortStatus, StatusRow } from '../usecases/screens';
import { byId, failureText, run } from './serverRun';

let data: CohortStatus | null = null;

const tlSelect = byId<HTMLSelectElement>('tl');
/** The class filter, added next to the TL filter only when the tracker holds more than one class. */
const cohortSelect = document.createElement('select');
cohortSelect.id = 'cohort';
cohortSelect.setAttribute('aria-label', 'Class');

function fail(error: unknown): void {
  const box = byId('error');
  box.textContent = 'Could not finish: ' + failureText(error);
  box.hidden = false;
}

function cell(tr: HTMLTableRowElement, text: string, cls?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  if (cls) td.className = cls;
  td.textContent = text;
  tr.appendChild(td);
  return td;
}

function line(parent: HTMLElement, tag: 'div' | 'span', cls: string, text: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = cls;
  el.textContent = text;
  parent.appendChild(el);
  return el;
}

function row(r: StatusRow): HTMLTableRowElement {
  const tr = document.createElement('tr');
  const name = cell(tr, r.name, 'name');
  if (r.cohort && data && data.cohorts.length > 1) line(name, 'div', 'sub cohort', r.cohort);
  if (r.capLevel) line(name, 'div', 'cap', r.capLevel);
  if (r.issues.length || r.attendance === 'MIA')
    line(name, 'div', 'issues', r.issues.concat(r.attendance === 'MIA' ? ['MIA'] : []).join(' · '));
  const done = cell(tr, r.itemsDone);
  if (r.dueByNow && r.dueByNow !== '–') line(done, 'div', 'sub', r.dueByNow + ' due by now');
  const pace = cell(tr, '');
  line(pace, 'span', 'verdict ' + r.verdict, r.verdict);
  const finish = line(pace, 'span', 'sub', r.verdict === 'complete' ? '' : ' finish ' + r.projectedFinish);
  if (r.finishBasis && r.verdict !== 'complete') finish.title = r.finishBasis;
  // Hours only where measured (RULES "Pace"): evening or batch ticks say "not measured".
  if (r.measuredHours && r.measuredHours !== '–')
    line(
      pace,
      'div',
      'sub hours',
      r.measuredHours === 'not measured' ? 'hours not measured' : 'measured ' + r.measuredHours + ' h',
    );
  if (r.exemption) line(pace, 'div', 'sub exempt', 'Exempt: ' + r.exemption + ' (no pace warnings)');
  else if (r.paceWarnings) line(pace, 'div', 'issues pace-warning', 'Over pace: ' + r.paceWarnings);
  const open = document.createElement('button');
  open.type = 'button';
  open.textContent = 'Open';
  open.setAttribute('aria-label', 'Open the tracker row of ' + r.name);
  open.addEventListener('click', () => {
    run('showAgentRow', r.oid).catch(fail);
  });
  cell(tr, '').appendChild(open);
  return tr;
}

function render(): void {
  if (!data) return;
  const tl = tlSelect.value;
  const cohort = cohortSelect.value;
  const rows = data.rows.filter((r) => (!tl || r.tlName === tl) && (!cohort || r.cohort === cohort));
  byId('rows').replaceChildren(...rows.map(row));
  const behind = rows.filter((r) => r.verdict === 'behind').length;
  byId('summary').textContent =
    rows.length +
    ' agent(s), ' +
    behind +
    ' behind' +
    (data.synced ? '' : ' — not synced yet: run Sync progress now.');
}

run('getCohortStatus').then((status) => {
  data = status;
  for (const name of status.tls) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    tlSelect.appendChild(option);
  }
  if (status.cohorts.length > 1) {
    for (const name of ['', ...status.cohorts]) {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name || 'All classes';
      cohortSelect.appendChild(option);
    }
    tlSelect.insertAdjacentElement('afterend', cohortSelect);
  }
  render();
}, fail);
tlSelect.addEventListener('change', render);
cohortSelect.addEventListener('change', render);
