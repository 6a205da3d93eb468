/**
 * The attendance sidebar's "Import GoTo Training attendance" part (RULES R19): the TL picks the CSV the
 * GoTo Training attendance report exported; the page reads it with FileReader (no Drive access, no new
 * scope) and sends its text to the server, which proposes each agent's day; one click confirms.
 *
 * Everything shown is set with textContent: names and emails come from a file anybody could have edited.
 */
import type { AttendanceImport, AttendanceImported, ImportAgent } from '../usecases/g2tImport';
import { byId, failureText, run } from './serverRun';

function item(text: string, cls = ''): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text;
  if (cls) li.className = cls;
  return li;
}

function agentLine(a: ImportAgent): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'import-agent';
  li.dataset.oid = a.oid;
  const name = document.createElement('strong');
  name.textContent = a.name || a.oid;
  const code = document.createElement('span');
  code.className = 'badge code';
  const kept = a.kept ? `${a.currentCode} kept` : '';
  code.textContent = kept || a.code || 'day not over';
  if (!kept && a.currentCode && a.code && a.currentCode !== a.code) code.title = `was ${a.currentCode}`;
  const detail = document.createElement('span');
  detail.className = 'detail';
  const parts: string[] = [];
  if (!a.match) parts.push('not in the export');
  else if (a.match === 'name') parts.push('matched by name');
  if (a.missedChecks.length) parts.push(`missed ${a.missedChecks.join(', ')}`);
  if (a.periods.length) parts.push(`in ${a.periods.join(', ')}`);
  detail.textContent = parts.join('; ');
  li.append(name, code, detail);
  return li;
}

function summary(p: AttendanceImport): string {
  const day = `Day ${p.day} (${p.date})${p.cohort ? `, ${p.cohort}` : ''}, times read in ${p.zone}.`;
  return p.changes
    ? `${day} ${p.changes} change${p.changes === 1 ? '' : 's'} to write.`
    : `${day} Already imported: nothing would change.`;
}

/** Wires the import controls; `cohort()` is the class shown, `reload()` refreshes the hands-check list. */
export function setUpImport(cohort: () => string, reload: () => void): void {
  const file = byId<HTMLInputElement>('import-file');
  const box = byId('import-proposal');
  const list = byId<HTMLUListElement>('import-agents');
  const others = byId<HTMLUListElement>('import-unmatched');
  const confirm = byId<HTMLButtonElement>('import-confirm');
  const status = byId('import-status');
  const error = byId('import-error');
  let text = '';

  const fail = (e: unknown) => {
    error.textContent = 'Could not import: ' + failureText(e);
    error.hidden = false;
    confirm.disabled = false;
  };

  function show(p: AttendanceImport): void {
    byId('import-summary').textContent = summary(p);
    list.textContent = '';
    p.agents.forEach((a) => list.appendChild(agentLine(a)));
    others.textContent = '';
    for (const u of p.unmatched)
      others.appendChild(
        item(`Not on the roster: ${u.name}${u.email ? ` <${u.email}>` : ''} (nothing applied)`, 'unmatched'),
      );
    for (const m of p.ambiguous)
      others.appendChild(
        item(`Ambiguous: ${m.name} could be ${m.agents.join(' or ')} (nothing applied)`, 'unmatched'),
      );
    for (const problem of p.problems) others.appendChild(item(problem, 'unmatched'));
    box.hidden = false;
    confirm.disabled = p.changes === 0;
  }

  file.addEventListener('change', () => {
    const picked = file.files?.[0];
    error.hidden = true;
    status.textContent = '';
    box.hidden = true;
    if (!picked) return;
    const reader = new FileReader();
    reader.onerror = () => fail(reader.error ?? new Error('the file could not be read'));
    reader.onload = () => {
      text = typeof reader.result === 'string' ? reader.result : '';
      status.textContent = 'Reading the export…';
      run('previewAttendanceImport', text, cohort()).then((p) => {
        status.textContent = '';
        show(p);
      }, fail);
    };
    reader.readAsText(picked);
  });

  confirm.addEventListener('click', () => {
    if (!text) return;
    confirm.disabled = true;
    error.hidden = true;
    run('importAttendance', text, cohort()).then((done: AttendanceImported) => {
      const w = done.written;
      let msg = `Imported ${done.date}: ${w.codes} codes, ${w.checks} hands checks, ${w.notes} note lines written.`;
      if (done.newlyMia.length) msg += ` Now MIA: ${done.newlyMia.join(', ')} (ESP manager told).`;
      status.textContent = msg;
      show(done);
      // Written: the list now shows what was imported; importing again would change nothing.
      byId('import-summary').textContent = `Day ${done.day} (${done.date}) imported.`;
      confirm.disabled = true;
      reload();
    }, fail);
  });
}
