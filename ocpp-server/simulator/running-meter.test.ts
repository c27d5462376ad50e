import { describe, expect, it } from 'vitest';
import { RunningMeter } from './running-meter';

function clockAt(startMs: number) {
  const clock = { ms: startMs, now: () => clock.ms };
  return clock;
}

describe('a simulated energy register', () => {
  it('has taken the energy drawn since the last read at any moment, not only at whole sample periods', () => {
    const clock = clockAt(1_000_000);
    const meter = new RunningMeter(1_000, clock.now);
    clock.ms += 500;
    // 7.4 kW for half a second: about 1 Wh.
    expect(meter.read(7_400)).toBe(1_001);
    clock.ms += 3_600_000;
    expect(meter.read(7_400)).toBe(8_401);
  });

  it('keeps the fractions of a Wh that many short reads add up to', () => {
    const clock = clockAt(0);
    const meter = new RunningMeter(0, clock.now);
    const readings = Array.from({ length: 100 }, () => {
      clock.ms += 100;
      return meter.read(3_600);
    });
    // 3.6 kW for 10 s is 10 Wh; each read alone adds 0.1 Wh.
    expect(readings.at(-1)).toBe(10);
    expect(readings).toEqual([...readings].sort((a, b) => a - b));
  });

  it('stands still while nothing is drawn', () => {
    const clock = clockAt(0);
    const meter = new RunningMeter(2_500, clock.now);
    clock.ms += 60_000;
    expect(meter.read(0)).toBe(2_500);
  });
});
