import { SHEET, TRACKER_HEADERS } from '../../src/domain/contract';
import { COLOR_RULES, COLUMN_RULES } from '../../src/domain/workbookPlan';

describe('workbook plan', () => {
  it('only names tracker headers of the contract', () => {
    for (const rule of [...COLUMN_RULES, ...COLOR_RULES].filter((r) => r.sheet === SHEET.tracker)) {
      expect(TRACKER_HEADERS).toContain(rule.header);
    }
  });
  it('colours only values the column dropdown offers', () => {
    for (const colour of COLOR_RULES) {
      const dropdown = COLUMN_RULES.find((r) => r.sheet === colour.sheet && r.header === colour.header);
      if (dropdown?.rule.kind === 'list') expect(dropdown.rule.values).toContain(colour.text);
    }
  });
  it('has no duplicate colour rule', () => {
    const keys = COLOR_RULES.map((r) => `${r.sheet}|${r.header}|${r.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
