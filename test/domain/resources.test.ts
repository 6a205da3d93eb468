/** RULES R24 — resource links: checked like every setting (RULES R10), blank = not shown. */
import { formLinks, guidesSection, readResourceLink, resourceSettingsOf } from '../../src/domain/resources';
import { parseSettings, SETTING_DEFINITIONS } from '../../src/domain/settings';
import { renderEmail } from '../../src/domain/emailLayout';

const FORM_ID = '1FAIpQLSd_abcdefghijklmnopqrstuvwxyz012';

describe('readResourceLink', () => {
  it.each([
    ['https://docs.google.com/document/d/1abc/edit', 'guide'],
    ['https://drive.google.com/file/d/1abc/view', 'guide'],
    ['https://forms.gle/AbC123', 'form'],
    ['https://docs.google.com/forms/d/e/1FAIp/viewform', 'form'],
    ['https://sites.google.com/connexionpoint.com/licensing/ahip', 'guide'],
    ['https://cxp.atlassian.net/wiki/spaces/LIC/pages/1', 'guide'],
    ['https://intranet.connexionpoint.com/guides/aetna', 'guide'],
  ] as const)('keeps an https address on a team host: %s', (url, kind) => {
    expect(readResourceLink(`  ${url} `, kind)).toEqual({ url });
  });

  it('turns a bare ID into its Google address: a form into viewform, a guide into Drive', () => {
    expect(readResourceLink(FORM_ID, 'form')).toEqual({
      url: `https://docs.google.com/forms/d/${FORM_ID}/viewform`,
    });
    expect(readResourceLink(FORM_ID, 'guide')).toEqual({
      url: `https://drive.google.com/open?id=${FORM_ID}`,
    });
  });

  it('blank is not shown and not a problem', () => {
    expect(readResourceLink('   ', 'guide')).toEqual({ url: '' });
  });

  it.each([
    ['http://docs.google.com/document/d/1abc', /not an https:\/\/ address/],
    [
      'https://evil.example.com/docs.google.com',
      /points at evil\.example\.com, which is not one of the team's hosts/,
    ],
    ['https://docs.google.com.evil.net/x', /points at docs\.google\.com\.evil\.net/],
    ['javascript:alert(1)', /is not a link/],
    ['AHIP guide', /is not a link/],
    ['short_id', /is not a link/],
  ])('refuses %s', (text, why) => {
    const read = readResourceLink(text, 'guide');
    expect('problem' in read && read.problem).toMatch(why);
  });
});

describe('resource Settings keys', () => {
  it('a bad link is a problem naming key and value, and the link is not used', () => {
    const parsed = parseSettings(
      [
        ['AHIP Guide Link', 'http://docs.google.com/x'],
        ['TBT Form Link', FORM_ID],
        ['Equipment Form Link', 'https://tinyurl.com/equip'],
      ],
      undefined,
    );
    expect(parsed.settings.ahipGuideUrl).toBe('');
    expect(parsed.settings.tbtFormUrl).toBe(`https://docs.google.com/forms/d/${FORM_ID}/viewform`);
    expect(parsed.settings.equipmentFormUrl).toBe('');
    expect(parsed.problems).toEqual([
      'Settings "AHIP Guide Link": "http://docs.google.com/x" is not an https:// address; the link is not shown until it is fixed',
      expect.stringMatching(
        /^Settings "Equipment Form Link": "https:\/\/tinyurl\.com\/equip" points at tinyurl\.com/,
      ),
    ]);
  });

  it('every resource key is optional and blank by default, with a description for the Settings note', () => {
    const keys = SETTING_DEFINITIONS.filter((d) => d.kind === 'guideLink' || d.kind === 'formLink');
    expect(keys).toHaveLength(8);
    for (const d of keys) {
      expect(d.defaultValue).toBe('');
      expect(d.description.length).toBeGreaterThan(20);
    }
    expect(parseSettings([], undefined).problems).toEqual([]);
  });

  it('forms are listed in the seed order and blank ones left out', () => {
    const s = parseSettings(
      [
        ['RTS/No More Forms Form Link', 'https://forms.gle/rts'],
        ['Carrier Cert Completion Form Link', 'https://forms.gle/cc'],
      ],
      undefined,
    ).settings;
    expect(formLinks(s).map((f) => f.label)).toEqual([
      'Carrier Cert Completion Form (AHIP/Aetna)',
      'RTS/No More Forms form',
    ]);
  });

  it('guidesSection shows only the guides that are set, escaped by the layout', () => {
    const s = resourceSettingsOf(
      parseSettings([['Aetna Guide Link', 'https://docs.google.com/d/a?x=1&y=<2>']], undefined).settings,
    );
    expect(guidesSection(s, ['ahipGuideUrl'])).toEqual([]);
    const mail = renderEmail({
      subject: 's',
      title: 't',
      sections: guidesSection(s, ['ahipGuideUrl', 'aetnaGuideUrl']),
    });
    expect(mail.body).toContain('Aetna step-by-step guide');
    expect(mail.body).toContain('13 green checkmarks');
    expect(mail.body).not.toContain('AHIP step-by-step guide');
    expect(mail.htmlBody).toContain('x=1&amp;y=&lt;2&gt;');
  });
});
