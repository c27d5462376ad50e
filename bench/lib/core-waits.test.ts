import { describe, expect, it } from 'vitest';
import { coreWaitFigures, parsePressureTotalMicros, parseSchedstat } from './core-waits';

describe('waiting for a core', () => {
  it('reads the run-queue wait and the turns from schedstat, not the time on a core', () => {
    expect(parseSchedstat('857444 389401 4\n')).toEqual({ waitingNs: 389401, turns: 4 });
    expect(parseSchedstat('')).toBeNull();
  });

  it('reads the total of the some line of the CPU pressure', () => {
    const text = 'some avg10=54.07 avg60=43.47 avg300=37.29 total=14915156444\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n';
    expect(parsePressureTotalMicros(text)).toBe(14915156444);
    expect(parsePressureTotalMicros('')).toBeNull();
  });

  it('gives the wait per second and per turn, and the share of the time some task waited', () => {
    const before = { eventLoop: { waitingNs: 1e9, turns: 1000 }, pressureMicros: 5e6 };
    const after = { eventLoop: { waitingNs: 3e9, turns: 5000 }, pressureMicros: 11e6 };
    // 2 s of waiting over 10 s and 4,000 turns; 6 s of pressure over 10 s.
    expect(coreWaitFigures(before, after, 10_000)).toEqual({ eventLoopWaitMsPerSecond: 200, eventLoopWaitPerTurnMs: 0.5, cpuPressurePercent: 60 });
  });

  it('says nothing where the kernel counts nothing, rather than no wait', () => {
    const uncounted = { eventLoop: { waitingNs: 0, turns: 0 }, pressureMicros: null };
    expect(coreWaitFigures(uncounted, uncounted, 10_000)).toEqual({ eventLoopWaitMsPerSecond: null, eventLoopWaitPerTurnMs: null, cpuPressurePercent: null });
  });
});
