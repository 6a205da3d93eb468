import { CAP_FIELDS, type CapValues, fillPlaceholders, placeholderEdits } from '../../src/domain/capDocument';
import { PageArgumentError, requireOneOf, requireTextList } from '../../src/domain/pageArguments';

const values = Object.fromEntries(CAP_FIELDS.map((f) => [f, `<${f}>`])) as CapValues;

describe('CAP placeholders: one scan of the template text', () => {
  it('fills known fields, keeps unknown ones, and never re-expands a value', () => {
    const v: CapValues = { ...values, 'Agent Name': '{{Deadline}} $1 \\ (.*)', Deadline: '12/9/2026' };
    expect(fillPlaceholders('{{Agent Name}} / {{Deadline}} / {{Nope}} / {{ OID }}', v)).toBe(
      '{{Deadline}} $1 \\ (.*) / 12/9/2026 / {{Nope}} / <OID>',
    );
  });

  it('reports positions in the original text, sorted', () => {
    expect(placeholderEdits('a {{OID}} b {{Level}}', values)).toEqual([
      { start: 2, end: 9, field: 'OID', value: '<OID>' },
      { start: 12, end: 21, field: 'Level', value: '<Level>' },
    ]);
    expect(placeholderEdits('no placeholders {{}} {x}', values)).toEqual([]);
  });
});

describe('page arguments', () => {
  it('name the function, the argument and the value', () => {
    expect(() => requireTextList('saveAttendance', 'presentOids', 'OID1000')).toThrow(
      new PageArgumentError('saveAttendance: presentOids must be a list of OIDs, got "OID1000".'),
    );
    expect(requireOneOf('f', 'level', 'Final CAP', ['Final CAP'])).toBe('Final CAP');
    expect(() => requireOneOf('f', 'level', { a: 1 }, ['Final CAP'])).toThrow('got an object');
  });
});
