/**
 * RULES R24 — resource links: the AHIP, Aetna and Tech Issues guides and the five tracking forms a TL
 * submits tickets through before logging off. Each is an optional Settings key; a value is either an
 * https address on a host the team uses (Google Docs/Drive/Forms/Sites, the company's own pages) or a
 * bare Drive/Forms ID, which becomes its Google address. Anything else is a settings problem naming the
 * key and value (RULES R10), and the link is not shown until it is fixed; blank means "not shown".
 */
import { type Inline, link, list, type Section, section } from './emailLayout';

/** What a link points at: a guide (a Drive file) or a form (a Google Form). */
export type ResourceKind = 'guide' | 'form';

/** Hosts a resource link may point at (a sub-domain of each counts too). */
export const RESOURCE_HOSTS: readonly string[] = [
  'docs.google.com',
  'drive.google.com',
  'sites.google.com',
  'forms.gle',
  'connexionpoint.com',
  'atlassian.net',
];

/** A Drive or Forms file ID as Google writes them: 25 or more letters, digits, `-` and `_`. */
const FILE_ID = /^[A-Za-z0-9_-]{25,}$/;

export type ResourceRead = { url: string } | { problem: string };

function hostAllowed(host: string): boolean {
  const h = host.toLowerCase();
  return RESOURCE_HOSTS.some((allowed) => h === allowed || h.endsWith(`.${allowed}`));
}

/**
 * Reads one resource setting: '' stays '' (not shown); an ID becomes its Google address; an https address
 * on an allowed host is kept as typed; anything else is a problem saying what is expected.
 */
export function readResourceLink(raw: string, kind: ResourceKind): ResourceRead {
  const text = raw.trim();
  if (text === '') return { url: '' };
  if (FILE_ID.test(text)) {
    return {
      url:
        kind === 'form'
          ? `https://docs.google.com/forms/d/${text}/viewform`
          : `https://drive.google.com/open?id=${text}`,
    };
  }
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s:@]+)(:\d+)?([/?#]\S*)?$/i.exec(text);
  if (!match) {
    return {
      problem: `is not a link: paste the https:// address of the ${kind} (or its Drive ID); the link is not shown until it is fixed`,
    };
  }
  if (match[1].toLowerCase() !== 'https') {
    return { problem: 'is not an https:// address; the link is not shown until it is fixed' };
  }
  if (!hostAllowed(match[2])) {
    return {
      problem: `points at ${match[2]}, which is not one of the team's hosts (${RESOURCE_HOSTS.join(', ')}); the link is not shown until it is fixed`,
    };
  }
  return { url: text };
}

/** One link as pages and emails show it: its label and address. */
export interface ResourceLink {
  label: string;
  url: string;
}

/** The resource links of the Settings, by field (values already checked: '' = not set). */
export interface ResourceSettings {
  ahipGuideUrl: string;
  aetnaGuideUrl: string;
  techIssuesGuideUrl: string;
  carrierCertFormUrl: string;
  tbtFormUrl: string;
  callCertFormUrl: string;
  equipmentFormUrl: string;
  rtsFormUrl: string;
}

export const GUIDE_LABELS = {
  ahipGuideUrl: 'AHIP step-by-step guide',
  aetnaGuideUrl: 'Aetna step-by-step guide',
  techIssuesGuideUrl: 'Tech Issues - Troubleshooting guide',
} as const;

/**
 * The five tracking forms, named after the five statuses the seed asks the TL to bring up to date each
 * evening (AHIP/Aetna, TBT, Call Cert, Equipment, RTS/No More Forms); AHIP/Aetna proofs go through the
 * Carrier Cert Completion Form.
 */
export const FORM_LABELS = {
  carrierCertFormUrl: 'Carrier Cert Completion Form (AHIP/Aetna)',
  tbtFormUrl: 'TBT form',
  callCertFormUrl: 'Call Cert form',
  equipmentFormUrl: 'Equipment form',
  rtsFormUrl: 'RTS/No More Forms form',
} as const;

const linksOf = (labels: Readonly<Record<string, string>>, s: ResourceSettings): ResourceLink[] =>
  Object.entries(labels)
    .map(([field, label]) => ({ label, url: s[field as keyof ResourceSettings] }))
    .filter((l) => l.url !== '');

/** The set tracking forms, in the seed's order (blank ones left out). */
export function formLinks(s: ResourceSettings): ResourceLink[] {
  return linksOf(FORM_LABELS, s);
}

/** The set guides (blank ones left out). */
export function guideLinks(s: ResourceSettings): ResourceLink[] {
  return linksOf(GUIDE_LABELS, s);
}

/** One guide's link, or null when it is not set. */
export function guideLink(s: ResourceSettings, field: keyof typeof GUIDE_LABELS): ResourceLink | null {
  return s[field] ? { label: GUIDE_LABELS[field], url: s[field] } : null;
}

/** Only the resource fields of a larger Settings object (what email recipes store). */
export function resourceSettingsOf(s: ResourceSettings): ResourceSettings {
  return {
    ahipGuideUrl: s.ahipGuideUrl,
    aetnaGuideUrl: s.aetnaGuideUrl,
    techIssuesGuideUrl: s.techIssuesGuideUrl,
    carrierCertFormUrl: s.carrierCertFormUrl,
    tbtFormUrl: s.tbtFormUrl,
    callCertFormUrl: s.callCertFormUrl,
    equipmentFormUrl: s.equipmentFormUrl,
    rtsFormUrl: s.rtsFormUrl,
  };
}

/** What each guide is for, in one line next to its link. */
const GUIDE_HINTS: Record<keyof typeof GUIDE_LABELS, string> = {
  ahipGuideUrl: ': how to navigate AHIP. Pay with your N-Number, not your NPN, to avoid payment issues.',
  aetnaGuideUrl:
    ': the example of the 13 green checkmarks near its end is the completion screenshot to submit.',
  techIssuesGuideUrl: ': follow its steps for any technical issue (login, access, equipment).',
};

/**
 * An email section listing the chosen guides that are set, each linked with what it is for; no section
 * at all when none is set (a blank setting is simply not shown). `resources` is absent in a recipe stored
 * before the links existed.
 */
export function guidesSection(
  resources: ResourceSettings | undefined,
  fields: readonly (keyof typeof GUIDE_LABELS)[],
  heading = 'Guides',
): Section[] {
  if (!resources) return [];
  const items = fields
    .filter((f) => resources[f])
    .map((f): Inline[] => [link(GUIDE_LABELS[f], resources[f]), GUIDE_HINTS[f]]);
  return items.length ? [section(heading, [list(items)])] : [];
}

/** An email section linking the five tracking forms that are set (none set: no section). */
export function formsSection(resources: ResourceSettings | undefined, heading: string): Section[] {
  const forms = resources ? formLinks(resources) : [];
  return forms.length ? [section(heading, [list(forms.map((f) => link(f.label, f.url)))])] : [];
}
