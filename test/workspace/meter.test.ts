import { LATENCY_SECONDS, Meter } from '../../workspace/meter';

describe('Meter', () => {
  it('counts calls per service and method and models latency from one table', () => {
    const meter = new Meter();
    meter.call('Range', 'getValues', 'read');
    meter.call('Range', 'setValues', 'write');
    meter.call('PropertiesService', 'setProperty');
    expect(meter.snapshot()).toEqual({
      'PropertiesService.setProperty': 1,
      'Range.getValues': 1,
      'Range.setValues': 1,
    });
    expect(meter.byService()).toEqual({ PropertiesService: 1, Range: 2 });
    expect(meter.modeledSeconds()).toBeCloseTo(
      LATENCY_SECONDS['Range.read'] + LATENCY_SECONDS['Range.write'] + LATENCY_SECONDS.PropertiesService,
    );
  });

  it('fires an injected fault on the Nth call only', () => {
    const meter = new Meter();
    meter.injectFault({ service: 'Range', method: 'getValues', nth: 2 });
    expect(() => meter.call('Range', 'getValues')).not.toThrow();
    expect(() => meter.call('Range', 'getValues')).toThrow(/injected fault/);
    expect(() => meter.call('Range', 'getValues')).not.toThrow();
  });

  it('fires a recurring fault on every Nth call', () => {
    const meter = new Meter();
    meter.injectFault({ service: 'Range', method: 'getValues', every: 5 });
    const failures = Array.from({ length: 20 }, () => {
      try {
        meter.call('Range', 'getValues');
        return 0;
      } catch {
        return 1;
      }
    }).reduce<number>((a, b) => a + b, 0);
    expect(failures).toBe(4);
  });
});
