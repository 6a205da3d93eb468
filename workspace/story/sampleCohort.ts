/**
 * The sample cohort the local story walks through: 24 agents, 3 TLs, Day 1 on a Thursday so the
 * 3.5-day window crosses a weekend. Each agent has a persona that later chapters act out (fast,
 * steady, slow, never self-reports, MIA, payment issue, sales inhibitor, exempt …).
 */
export const COHORT = {
  name: 'Winter 2026 Cohort A',
  day1: '2026-12-03', // Thursday → Day 2 Friday, Day 3 Monday, Day 4 Tuesday
  timeZone: 'America/Denver',
  licensingTeam: 'slc.licensing@example.com',
  espManagers: 'esp.manager@example.com',
  pms: 'pm.one@example.com, pm.two@example.com',
  ops: 'ops.management@example.com',
  hr: 'hr.partner@example.com',
  certCoordinator: 'cert.coordinator@example.com',
  g2tLink: 'https://global.gotomeeting.com/join/123456789',
  completionForm: 'https://forms.example.com/carrier-cert-completion',
};

export interface SampleTl {
  name: string;
  email: string;
}

export const TLS: SampleTl[] = [
  { name: 'Maria Gonzalez', email: 'maria.gonzalez@example.com' },
  { name: 'Dev Patel', email: 'dev.patel@example.com' },
  { name: 'Sam Okafor', email: 'sam.okafor@example.com' },
];

export type Persona =
  | 'fast'
  | 'steady'
  | 'slow'
  | 'silent' // never self-reports
  | 'mia'
  | 'payment-issue'
  | 'sales-inhibitor'
  | 'exempt'
  | 'cap' // misses the window, finishes inside the extension
  | 'termination'; // misses the window and the extension

export interface SampleAgent {
  name: string;
  oid: string;
  cxpEmail: string;
  personalEmail: string;
  tl: SampleTl;
  nNumber: string;
  persona: Persona;
}

const PEOPLE: [string, Persona][] = [
  ['Avery Brooks', 'fast'],
  ['Jordan Lee', 'steady'],
  ['Priya Raman', 'steady'],
  ['Miguel Torres', 'slow'],
  ['Hannah Schultz', 'steady'],
  ['Kwame Mensah', 'mia'],
  ['Lena Fischer', 'steady'],
  ['Omar Haddad', 'payment-issue'],
  ['Grace Kim', 'fast'],
  ['Tyler Nguyen', 'silent'],
  ['Sofia Rossi', 'steady'],
  ['Ethan Walker', 'sales-inhibitor'],
  ['Chloe Martin', 'steady'],
  ['Diego Alvarez', 'exempt'],
  ['Fatima Zahra', 'steady'],
  ['Noah Johnson', 'cap'],
  ['Isabella Costa', 'steady'],
  ['Liam O\u2019Brien', 'steady'],
  ['Mei Chen', 'fast'],
  ['Ravi Shah', 'termination'],
  ['Zoe Adams', 'steady'],
  ['Lucas Silva', 'slow'],
  ['Amara Obi', 'steady'],
  ['<img src=x onerror=alert(1)> Test', 'steady'], // proves every screen and email escapes names
];

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export const AGENTS: SampleAgent[] = PEOPLE.map(([name, persona], i) => ({
  name,
  oid: `OID${String(4101 + i)}`,
  cxpEmail: `${slug(name) || 'agent'}${i}@cxp.example.com`,
  personalEmail: `${slug(name) || 'agent'}${i}@personal.example.net`,
  tl: TLS[i % TLS.length],
  // One agent typed the NPN (all digits) where the N-Number belongs: the tracker warns about it.
  nNumber: persona === 'payment-issue' ? '17654321' : `N${String(7000100 + i)}`,
  persona,
}));
