/**
 * The attendance sidebar ("Hands check"): pick a check, tick every agent whose hand is up, excuse
 * HR-approved absences with a reason, save. Bundled into AttendanceSidebar.html by scripts/build.mjs.
 *
 * Everything shown is set with textContent: names are typed by people and may contain HTML.
 */
import type { AttendanceSidebarView } from '../usecases/attendanceView';
import type { AttendanceSaved, Excuse } from '../usecases/handsCheck';
import { setUpImport } from './attendanceImport';
import { byId, failureText, run } from './serverRun';

let view: AttendanceSidebarView | null = null;

const select = byId<HTMLSelectElement>('check');
const list = byId<HTMLUListElement>('agents');
const saveButton = byId<HTMLButtonElement>('save');
const errorBox = byId('error');
const DEFAULT_HINT = 'Tick every agent whose hand is up, then save.';
/** The class picker, shown before the check picker only when the tracker runs several classes. */
const classSelect = document.createElement('select');
classSelect.id = 'cohort';
classSelect.setAttribute('aria-label', 'Class');
classSelect.hidden = true;
select.insertAdjacentElement('beforebegin', classSelect);

function scope(): string {
  return document.querySelector<HTMLInputElement>('input[name="scope"]:checked')?.value ?? 'mine';
}

function busy(on: boolean): void {
  saveButton.disabled = on;
}

function showError(text: string): void {
  errorBox.textContent = text;
  errorBox.hidden = false;
}

function fail(error: unknown): void {
  showError('Could not finish: ' + failureText(error));
  busy(false);
}

function badge(text: string, cls: string): HTMLSpanElement {
  const b = document.createElement('span');
  b.className = 'badge ' + cls;
  b.textContent = text;
  return b;
}

/** One agent's parts in the list (each row has all of them: render() builds them). */
function parts(li: HTMLElement) {
  return {
    box: li.querySelector<HTMLInputElement>('input[type="checkbox"]')!,
    excuse: li.querySelector<HTMLButtonElement>('.excuse')!,
    reason: li.querySelector<HTMLInputElement>('.reason')!,
    label: li.querySelector<HTMLLabelElement>('label')!,
  };
}

/** An excused agent: box unticked and disabled, a reason to give, an "excused" badge. */
function setExcused(li: HTMLElement, on: boolean): void {
  const { box, excuse, reason } = parts(li);
  li.dataset.state = on ? 'excused' : '';
  li.classList.toggle('excused', on);
  box.disabled = on;
  if (on) box.checked = false;
  excuse.textContent = on ? 'Un-excuse' : 'Excuse';
  excuse.setAttribute('aria-pressed', on ? 'true' : 'false');
  reason.hidden = !on;
  const mark = li.querySelector('.excused-badge');
  if (on && !mark) li.insertBefore(badge('excused', 'excused-badge'), excuse);
  if (!on && mark) mark.remove();
}

function render(v: AttendanceSidebarView): void {
  view = v;
  if (select.options.length !== v.checks.length) {
    select.textContent = '';
    for (const header of v.checks) {
      const option = document.createElement('option');
      option.value = header;
      option.textContent = header;
      select.appendChild(option);
    }
  }
  select.value = v.current;
  const classes = v.cohorts ?? [];
  classSelect.hidden = classes.length < 2;
  if (
    Array.from(classSelect.options)
      .map((o) => o.value)
      .join('\n') !== classes.join('\n')
  ) {
    classSelect.textContent = '';
    for (const name of classes) {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      classSelect.appendChild(option);
    }
  }
  classSelect.value = v.cohort ?? '';
  byId('hint').textContent =
    v.showingAll && v.scope === 'mine'
      ? 'You lead no agents in the tracker, so everyone is shown.'
      : DEFAULT_HINT;
  list.textContent = '';
  v.agents.forEach((a, k) => {
    const li = document.createElement('li');
    li.dataset.oid = a.oid;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'agent-' + k;
    box.value = a.oid;
    box.checked = a.state === 'present';
    const label = document.createElement('label');
    label.htmlFor = box.id;
    label.textContent = a.name;
    li.append(box, label);
    if (a.mia) li.appendChild(badge('MIA', 'mia'));
    else if (a.atOneMiss) li.appendChild(badge('1 miss', 'one-miss'));
    else if (a.returnedAt) {
      const back = badge('returned', 'returned');
      back.title = 'Returned at ' + a.returnedAt;
      li.appendChild(back);
    }
    const excuse = document.createElement('button');
    excuse.type = 'button';
    excuse.className = 'excuse';
    excuse.setAttribute('aria-label', 'Excuse ' + a.name);
    excuse.addEventListener('click', () => setExcused(li, li.dataset.state !== 'excused'));
    li.appendChild(excuse);
    const reason = document.createElement('input');
    reason.type = 'text';
    reason.className = 'reason';
    reason.maxLength = 200;
    reason.placeholder = 'Reason, e.g. HR approved: doctor';
    reason.setAttribute('aria-label', 'Reason ' + a.name + ' is excused');
    reason.value = a.excuseReason || '';
    li.appendChild(reason);
    setExcused(li, a.state === 'excused');
    list.appendChild(li);
  });
  busy(false);
}

function load(header?: string, cohort?: string): void {
  busy(true);
  errorBox.hidden = true;
  run('getAttendanceView', scope(), header || view?.current || '', cohort ?? view?.cohort ?? '').then(
    render,
    fail,
  );
}

function setAll(on: boolean): void {
  list.querySelectorAll<HTMLInputElement>('input[type="checkbox"]').forEach((b) => {
    if (!b.disabled) b.checked = on;
  });
}

function savedMessage(r: AttendanceSaved): string {
  let msg = 'Saved ' + r.header + ': ' + r.present + ' present, ' + r.missed + ' missed';
  msg += r.excused ? ', ' + r.excused + ' excused.' : '.';
  if (r.newlyMia.length) msg += ' Now MIA: ' + r.newlyMia.join(', ') + ' (ESP manager told).';
  if (r.newlyReturned.length) msg += ' Returned: ' + r.newlyReturned.join(', ') + ' (ESP manager told).';
  return msg;
}

function save(): void {
  if (!view) return;
  const current = view.current;
  // The server writes the whole column: agents not shown (another TL's) keep their current value.
  const items = Array.from(list.querySelectorAll<HTMLLIElement>('li'));
  const present: string[] = [];
  const excused: Excuse[] = [];
  const noReason: string[] = [];
  for (const li of items) {
    const { box, reason, label } = parts(li);
    const oid = li.dataset.oid ?? '';
    if (li.dataset.state === 'excused') {
      const why = reason.value.trim();
      if (!why) noReason.push(label.textContent ?? '');
      excused.push({ oid, reason: why });
    } else if (box.checked) present.push(oid);
  }
  if (noReason.length) {
    showError('Give the reason each agent is excused: ' + noReason.join(', ') + '.');
    return;
  }
  busy(true);
  errorBox.hidden = true;
  const shown = items.map((li) => li.dataset.oid ?? '');
  run('saveAttendance', current, present, shown, excused).then((saved) => {
    byId('status').textContent = savedMessage(saved);
    load(current);
  }, fail);
}

select.addEventListener('change', () => load(select.value));
// Another class: its own clock picks the check (the header is not carried over).
classSelect.addEventListener('change', () => {
  if (view) view.current = '';
  load('', classSelect.value);
});
document
  .querySelectorAll<HTMLInputElement>('input[name="scope"]')
  .forEach((r) => r.addEventListener('change', () => load()));
byId('tick-all').addEventListener('click', () => setAll(true));
byId('clear-all').addEventListener('click', () => setAll(false));
saveButton.addEventListener('click', save);
setUpImport(
  () => view?.cohort ?? '',
  () => load(),
);
load();
