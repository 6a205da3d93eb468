/**
 * The "Coaching & exams" sidebar (RULES R20, R21): pick an agent; record an AHIP final-exam attempt;
 * record Verbal Coaching or a Written CAP with the facts pre-filled and the ladder's next step suggested.
 * Bundled into CoachingSidebar.html by scripts/build.mjs.
 *
 * Everything shown is set with textContent: names, notes and facts are typed by people. Each save carries
 * a request id made when the form is ready, so a double-click records once.
 */
import type { AgentCoaching, CoachingView } from '../usecases/coaching';
import { byId, failureText, run } from './serverRun';

const agentSelect = byId<HTMLSelectElement>('agent');
const summary = byId('summary');
const errorBox = byId('error');
const status = byId('status');
const examButton = byId<HTMLButtonElement>('save-exam');
const coachButton = byId<HTMLButtonElement>('save-coaching');
const levelSelect = byId<HTMLSelectElement>('level');
const policySelect = byId<HTMLSelectElement>('policy');
const facts = byId<HTMLTextAreaElement>('facts');
const examDate = byId<HTMLInputElement>('exam-date');
const examScore = byId<HTMLInputElement>('exam-score');

let examRequest = newRequestId();
let coachRequest = newRequestId();

function newRequestId(): string {
  return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
}

function busy(on: boolean): void {
  examButton.disabled = on;
  coachButton.disabled = on;
}

function fail(error: unknown): void {
  errorBox.textContent = 'Could not finish: ' + failureText(error);
  errorBox.hidden = false;
  busy(false);
}

function fillOptions(select: HTMLSelectElement, values: readonly string[], labels?: readonly string[]): void {
  if (select.options.length === values.length) return;
  select.textContent = '';
  values.forEach((v, k) => {
    const option = document.createElement('option');
    option.value = v;
    option.textContent = labels ? labels[k] : v;
    select.appendChild(option);
  });
}

function item(list: HTMLElement, text: string, href?: string): void {
  const li = document.createElement('li');
  li.textContent = text;
  if (href && /^https:\/\//.test(href)) {
    const a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = ' document';
    li.appendChild(a);
  }
  list.appendChild(li);
}

function renderAgent(a: AgentCoaching | null): void {
  summary.hidden = !a;
  if (!a) return;
  byId('cap-level').textContent = 'CAP Level: ' + (a.capLevel || 'none');
  byId('risk').hidden = !a.exam.atRisk;
  byId('suggestion').textContent = 'Suggested next step: ' + a.suggestion.level + '. ' + a.suggestion.why;
  if (a.suggestion.recordable) levelSelect.value = a.suggestion.level;
  const attempts = byId('attempts');
  attempts.textContent = '';
  for (const t of a.exam.attempts)
    item(attempts, 'Attempt ' + t.attempt + ' (' + t.date + '): ' + t.score + '% ' + t.result);
  if (!a.exam.attempts.length) item(attempts, 'No attempt recorded yet.');
  facts.value = a.facts.join('\n');
  const history = byId('history');
  history.textContent = '';
  for (const h of a.history)
    item(history, h.date + ' - ' + h.level + ' - ' + h.policy + ': ' + h.details, h.documentLink);
  if (!a.history.length) item(history, 'Nothing recorded yet.');
}

function render(v: CoachingView): void {
  const chosen = agentSelect.value;
  fillOptions(
    agentSelect,
    ['', ...v.agents.map((a) => a.oid)],
    [
      'Pick an agent…',
      ...v.agents.map((a) => a.name + ' (' + a.oid + ')' + (a.tlName ? ' - ' + a.tlName : '')),
    ],
  );
  agentSelect.value = v.agent?.oid ?? chosen;
  fillOptions(levelSelect, v.levels);
  fillOptions(policySelect, v.policies);
  if (!examDate.value) {
    examDate.value = v.today;
    examDate.max = v.today;
  }
  renderAgent(v.agent);
  busy(false);
}

function load(): void {
  busy(true);
  errorBox.hidden = true;
  run('getCoachingView', agentSelect.value).then(render, fail);
}

function saveExam(): void {
  busy(true);
  errorBox.hidden = true;
  run('saveExamAttempt', agentSelect.value, examDate.value, examScore.value, examRequest).then((r) => {
    examRequest = newRequestId();
    examScore.value = '';
    status.textContent = r.message + (r.problems.length ? ' Also flagged: ' + r.problems.join('; ') : '');
    load();
  }, fail);
}

function saveCoaching(): void {
  busy(true);
  errorBox.hidden = true;
  run(
    'saveCoaching',
    agentSelect.value,
    levelSelect.value,
    policySelect.value,
    facts.value,
    coachRequest,
  ).then((r) => {
    coachRequest = newRequestId();
    status.textContent = r.message + ' Next step: ' + r.next.level + '.';
    load();
  }, fail);
}

agentSelect.addEventListener('change', () => {
  status.textContent = '';
  load();
});
examButton.addEventListener('click', saveExam);
coachButton.addEventListener('click', saveCoaching);
load();
