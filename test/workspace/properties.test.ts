import { Meter } from '../../workspace/meter';
import { FakePropertiesService, STORE_FULL, VALUE_TOO_LARGE } from '../../workspace/properties';

function setup() {
  const meter = new Meter();
  return { meter, props: new FakePropertiesService({ meter }) };
}

describe('FakePropertiesService', () => {
  test('basic get/set/delete and independent stores', () => {
    const { props } = setup();
    const script = props.getScriptProperties();
    script.setProperty('a', '1').setProperties({ b: '2', c: '3' });
    expect(script.getProperty('a')).toBe('1');
    expect(script.getProperty('missing')).toBeNull();
    expect(script.getKeys().sort()).toEqual(['a', 'b', 'c']);
    expect(props.getDocumentProperties().getKeys()).toEqual([]);
    expect(props.getUserProperties().getProperty('a')).toBeNull();
    script.deleteProperty('a');
    expect(script.getProperties()).toEqual({ b: '2', c: '3' });
    script.setProperties({ z: '9' }, true);
    expect(script.getProperties()).toEqual({ z: '9' });
    script.deleteAllProperties();
    expect(script.getKeys()).toEqual([]);
  });

  test('the same store is returned every time', () => {
    const { props } = setup();
    props.getDocumentProperties().setProperty('k', 'v');
    expect(props.getDocumentProperties().getProperty('k')).toBe('v');
  });

  test('values are coerced to strings', () => {
    const { props } = setup();
    props.getScriptProperties().setProperty('n', 42 as unknown as string);
    expect(props.getScriptProperties().getProperty('n')).toBe('42');
  });

  test('a value over 9 KB throws and is not stored', () => {
    const { props } = setup();
    const p = props.getScriptProperties();
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(VALUE_TOO_LARGE);
    expect(() => p.setProperties({ fine: 'y', big: 'x'.repeat(10_000) })).toThrow(VALUE_TOO_LARGE);
    expect(p.getProperty('big')).toBeNull();
    expect(p.getProperty('fine')).toBeNull(); // setProperties is all-or-nothing
  });

  test('the store holds at most 500 KB', () => {
    const { props } = setup();
    const p = props.getScriptProperties();
    const chunk = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) p.setProperty(`k${String(i).padStart(2, '0')}`, chunk); // ~504,168 B
    expect(() => {
      for (let i = 56; i < 60; i++) p.setProperty(`k${i}`, chunk);
    }).toThrow(STORE_FULL);
    expect(p.sizeBytes()).toBeLessThanOrEqual(500 * 1024);
    // Replacing a value with a smaller one always fits.
    p.setProperty('k00', 'small');
  });

  test('meters PropertiesService calls', () => {
    const { props, meter } = setup();
    props.getScriptProperties().setProperty('a', 'b');
    expect(meter.count('PropertiesService.setProperty')).toBe(1);
    expect(meter.count('PropertiesService.getScriptProperties')).toBe(1);
  });
});
