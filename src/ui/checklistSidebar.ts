/**
 * RULES R25 — the TL's end-of-day checklist: their own open items for today, the five tracking forms and
 * the guides (RULES R24), and "Done for today". Bundled into ChecklistSidebar.html by scripts/build.mjs.
 *
 * Everything shown is set with textContent (names are typed by people); links open in a new tab and
 * only https addresses (already checked by the Settings rules) become links.
 */
import type { ChecklistView } from '../usecases/checklist';
import { byId, failureText, run } from './serverRun';

const doneButton = byId<HTMLButtonElement>('done');

function fail(error: unknown): void {
  const box = byId('error');
  box.textContent = 'Could not finish: ' + failureText(error);
  box.hidden = false;
  doneButton.disabled = false;
}

function item(text: string, detail?: string, cls?: string): HTMLLIElement {
  const li = document.createElement('li');
  if (cls) li.className = cls;
  li.textContent = text;
  if (detail) {
    const span = document.createElement('span');
    span.className = 'what';
    span.textContent = detail;
    li.appendChild(span);
  }
  return li;
}

function linkItem(label: string, url: string): HTMLLIElement {
  const li = document.createElement('li');
  if (/^https:\/\//i.test(url)) {
    const a = document.createElement('a');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = label;
    li.appendChild(a);
  } else li.textContent = label;
  return li;
}

function showDone(doneAt: string, open: string): void {
  const status = byId('done-status');
  status.textContent = 'Done for today at ' + doneAt + ' (open items then: ' + open + ').';
  status.hidden = false;
  doneButton.textContent = 'Done for today (update)';
}

function render(view: ChecklistView): void {
  byId('who').textContent =
    view.agents === 0
      ? 'You (' + view.user + ') lead no agent in the ESP Tracker today (' + view.today + ').'
      : (view.tlName || view.user) +
        ' — ' +
        view.agents +
        ' agent(s), ' +
        view.items.length +
        ' open item(s) for ' +
        view.today +
        '.';
  byId('items').replaceChildren(
    ...(view.items.length
      ? view.items.map((i) => item(i.name + ' (row ' + i.row + ')', i.text, 'open'))
      : [item('Nothing open: every row of your agents is up to date today.', undefined, 'ok')]),
  );
  byId('forms').replaceChildren(...view.forms.map((f) => linkItem(f.label, f.url)));
  const missing = byId('forms-missing');
  missing.hidden = view.formsNotSet.length === 0;
  missing.textContent =
    'Not linked yet (ask the licensing team to add them in Settings): ' + view.formsNotSet.join(', ') + '.';
  byId('guides').replaceChildren(
    ...(view.guides.length
      ? view.guides.map((g) => linkItem(g.label, g.url))
      : [item('No guide is linked in Settings yet.')]),
  );
  if (view.done) showDone(view.done.doneAt, view.done.openItems);
  doneButton.disabled = false;
}

doneButton.addEventListener('click', () => {
  doneButton.disabled = true;
  byId('error').hidden = true;
  run('markDayDone').then((done) => {
    showDone(done.doneAt, done.openItems);
    doneButton.disabled = false;
  }, fail);
});

run('getChecklist').then(render, fail);
