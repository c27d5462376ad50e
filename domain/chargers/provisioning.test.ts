import { describe, expect, it } from 'vitest';
import { keyState, maxListLength, measurandAttempts, wantedMeasurands } from './provisioning';

describe('boot provisioning plan', () => {
  it('asks for the platform measurands by default, and always for the energy register', () => {
    expect(wantedMeasurands({ sampleIntervalSec: null, measurands: null })).toEqual(['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import', 'SoC']);
    expect(wantedMeasurands({ sampleIntervalSec: null, measurands: ['SoC', 'Voltage'] })).toEqual(['Energy.Active.Import.Register', 'SoC']);
  });

  it('drops the least needed measurand at each new attempt, and respects the maximum length', () => {
    const wanted = wantedMeasurands({ sampleIntervalSec: null, measurands: null });
    expect(measurandAttempts(wanted, null).map((list) => list.length)).toEqual([4, 3, 2, 1]);
    expect(measurandAttempts(wanted, 2)).toEqual([['Energy.Active.Import.Register', 'Power.Active.Import'], ['Energy.Active.Import.Register']]);
  });

  it('reads a key as unknown, read-only, already set (a list as a set, an interval as a number) or to set', () => {
    const configuration = {
      entries: [
        { key: 'MeterValueSampleInterval', value: '030', readonly: false },
        { key: 'MeterValuesSampledData', value: 'Power.Active.Import, Energy.Active.Import.Register', readonly: true },
        { key: 'MeterValuesSampledDataMaxLength', value: '3', readonly: true },
      ],
      unknownKeys: [],
    };
    expect(keyState('MeterValueSampleInterval', '30', configuration)).toEqual({ reported: '030', outcome: 'unchanged' });
    expect(keyState('MeterValueSampleInterval', '10', configuration)).toEqual({ reported: '030', outcome: null });
    expect(keyState('MeterValuesSampledData', 'Energy.Active.Import.Register,Power.Active.Import', configuration).outcome).toBe('unchanged');
    expect(keyState('MeterValuesSampledData', 'Energy.Active.Import.Register', configuration)).toEqual({ reported: 'Power.Active.Import, Energy.Active.Import.Register', outcome: 'readonly' });
    expect(keyState('MeterValuesSampledData', 'X', { entries: [], unknownKeys: ['MeterValuesSampledData'] }).outcome).toBe('unknownKey');
    expect(keyState('MeterValuesSampledData', 'X', null)).toEqual({ reported: null, outcome: null });
    expect(maxListLength(configuration)).toBe(3);
  });
});
