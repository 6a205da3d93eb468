import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENES } from '../../workspace/story/scenes';
import { Story } from '../../workspace/story/story';
import { BUILD_DIR, builtSource } from '../helpers/bundle';

describe('the npm start story', () => {
  it('plays every scene through the built bundle and writes out/index.html', () => {
    builtSource();
    const outDir = mkdtempSync(join(tmpdir(), 'esp-story-'));
    const story = new Story({ buildDir: BUILD_DIR, outDir });
    story.play(SCENES);
    const index = readFileSync(story.writeOut(), 'utf8');
    expect(index).toContain('Set up workbook');
    // RULES R19: Day 1's GoTo Training export imported once; the second import changes nothing.
    expect(index).toContain(
      'Jordan Lee: Tardy &lt; 1 hr; Miguel Torres: Full Day (matched by name); Kwame Mensah: Unresponsive/Missing During Class kept',
    );
    expect(index).toMatch(
      /not on the roster: Dana Brooks \(Aetna trainer\)\. Confirmed: [1-9]\d* codes, .* Imported again: 0 changes\./,
    );
    expect(index).toContain('not a real calendar date');
    expect(index).toContain('looks like an NPN');
    // The HTML-named sample agent is shown as text everywhere.
    expect(index).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(index).not.toContain('<img src=x');
    // RULES R25: one TL finishes the day, the licensing summary names who did not.
    expect(index).toContain('Maria Gonzalez - done at 12/3/2026 16:20');
    expect(index).toMatch(/Dev Patel \(dev\.patel@example\.com\) - no &quot;Done for today&quot; yet/);
    // Two classes overlap: the next one is added during this one's CAP extension and runs on its own clock.
    expect(index).toContain('Spring 2026 Cohort B gets its own progress report and G2T invitation');
    // With one class in the tracker, menu actions never ask which (old: the Day 4-5 syncs asked and failed).
    expect(index).not.toContain('is not a class in');
    // RULES R22, R23: the Day 3 summary lists the early form (form in, status not complete); the PMs'
    // ready-for-production email carries the readiness summary.
    expect(index).toMatch(
      /Tonight&#39;s summary lists [1-9]\d* evidence mismatch\(es\)|Tonight's summary lists [1-9]\d* evidence mismatch\(es\)/,
    );
    expect(index).toMatch(
      /Miguel Torres .*AHIP\+Aetna Completion is (&quot;|")Submitted(&quot;|"), but AHIP\/Aetna Status/,
    );
    expect(index).toMatch(/carries the readiness summary: AHIP\/Aetna Status: Complete since /);
    // Coaching & exams (RULES R20, R21): one agent fails the AHIP final once, then passes; a TL coaches.
    expect(index).toMatch(
      /AHIP final attempt: Priya Raman \(OID4103\): attempt 1, 84% — Failed: Verbal Coaching/,
    );
    expect(index).toMatch(/second attempt: Priya Raman \(OID4103\): attempt 2, 96% — Passed/);
    expect(index).toMatch(/coaches Miguel Torres: Miguel Torres \(OID\d+\): Verbal Coaching recorded/);
    // Day 5: B is in its Day 1 while A is in its extension; the sweep runs once per class.
    expect(index).toMatch(/Winter 2026 Cohort A: Extension; Spring 2026 Cohort B: Active/);
    expect(index).toMatch(/ran once per class: [1-9]\d* TL digest\(s\) about Spring 2026 Cohort B/);
    expect(index).toMatch(
      /[1-9]\d* TL digest\(s\) about Spring 2026 Cohort B \(0 of them name an agent of Winter 2026 Cohort A, which is Closed/,
    );
  });
});
