import { TRACKER } from '../../src/domain/contract';
import { loadConfig } from '../../src/gas/config';
import { hoursUntilDay1, sendInvitation } from '../../src/usecases/invitation';
import { agentRecord, setSettings, writeRoster } from '../helpers/workbook';
import { createReport, reportWorkspace } from './progressReportFixture';

const WED_2PM = new Date('2026-12-02T21:00:00Z'); // Day 1 (Thu 08:00 Denver) starts in 18 h

function invite(ws: ReturnType<typeof reportWorkspace>, answer: boolean) {
  const asked: number[] = [];
  const outcome = sendInvitation(ws.tracker, loadConfig(ws.tracker), (hours) => {
    asked.push(hours);
    return answer;
  });
  return { outcome, asked };
}

describe('sendInvitation', () => {
  it('refuses under 24 hours unless the TL confirms, then sends one email per agent to both addresses', () => {
    const ws = reportWorkspace(3);
    createReport(ws);
    ws.clock.set(WED_2PM);
    expect(hoursUntilDay1(loadConfig(ws.tracker))).toBe(18);
    const refused = invite(ws, false);
    expect(refused.asked).toEqual([18]);
    expect(refused.outcome).toEqual({
      refused:
        "Day 1 starts in 18.0 hours, less than the 24 hours' notice agents should get. Nothing was sent.",
    });
    expect(ws.mail.outbox).toHaveLength(0);

    const sent = invite(ws, true).outcome;
    expect('summary' in sent && sent.summary.sent).toBe(3);
    expect(ws.mail.outbox.map((m) => m.recipients)).toEqual(
      [0, 1, 2].map((i) => [agentRecord(i)[TRACKER.cxpEmail], agentRecord(i)[TRACKER.personalEmail]]),
    );
    const mail = ws.mail.outbox[0];
    for (const text of [
      'https://global.gotomeeting.com/join/1',
      '8:00 AM',
      '10:00 AM - 10:15 AM',
      '12:00 PM - 12:30 PM',
      '2:30 PM - 2:45 PM',
      '4:30 PM',
      'End of Day 1 (12/3/2026)',
      'Day 4 (12/8/2026) by 12:00 PM',
      'Aetna Product Modules: no more than 4 h',
      'mailto:cert@example.com',
      '/spreadsheets/d/',
    ]) {
      expect(mail.htmlBody).toContain(text);
    }
  });

  it('does not ask when Day 1 is more than 24 hours away, and never sends twice', () => {
    const ws = reportWorkspace(2);
    createReport(ws);
    const first = invite(ws, false);
    expect(first.asked).toEqual([]);
    expect(ws.mail.outbox).toHaveLength(2);
    writeRoster(ws, 1, 2);
    invite(ws, false);
    expect(ws.mail.outbox).toHaveLength(3);
    expect(ws.mail.outbox[2].recipients).toContain(agentRecord(2)[TRACKER.cxpEmail]);
  });

  it('escapes what the TL typed in Settings', () => {
    const ws = reportWorkspace(1);
    createReport(ws);
    setSettings(ws, { 'Cohort Name': '<img src=x onerror=alert(1)> Cohort' });
    invite(ws, true);
    expect(ws.mail.outbox[0].htmlBody).not.toContain('<img');
    expect(ws.mail.outbox[0].htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt; Cohort');
  });

  it('previews in Dry Run without sending, and sends for real once Dry Run is off', () => {
    const ws = reportWorkspace(2);
    createReport(ws);
    setSettings(ws, { 'Dry Run': true });
    const { outcome } = invite(ws, true);
    expect('summary' in outcome && outcome.summary.dryRun).toBe(2);
    expect(ws.mail.outbox).toHaveLength(0);
    // Turning Dry Run off sends the real invitation: the preview does not count as sent.
    setSettings(ws, { 'Dry Run': false });
    const live = invite(ws, true).outcome;
    expect('summary' in live && live.summary.sent).toBe(2);
    expect(ws.mail.outbox).toHaveLength(2);
  });

  it('names the missing setting instead of sending without a link', () => {
    const ws = reportWorkspace(1);
    expect(() => invite(ws, true)).toThrow(/"Progress Report ID" is blank/);
    setSettings(ws, { 'G2T Link': '' });
    expect(() => invite(ws, true)).toThrow(/"G2T Link" is blank/);
  });
});
