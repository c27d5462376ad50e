import { describe, expect, it } from 'vitest';
import { createMessageSummary } from './message-summary';

const answered = (action: string, totalMs: number, isError = false) => ({ action, totalMs, isHandled: false, queuedMs: 0, databaseMs: 0, answerMs: 0, isError });

describe('the aggregated message line', () => {
  it('gives per action the count, the median and the 99th percentile of the interval, and its CALLERRORs', () => {
    const summary = createMessageSummary();
    for (let ms = 1; ms <= 200; ms++) summary.add(answered('MeterValues', ms));
    summary.add(answered('Authorize', 7, true));
    expect(summary.take()).toEqual({
      Authorize: { count: 1, p50Ms: 7, p99Ms: 7, errors: 1 },
      MeterValues: { count: 200, p50Ms: 100, p99Ms: 198, errors: 0 },
    });
  });

  it('starts each interval afresh', () => {
    const summary = createMessageSummary();
    summary.add(answered('Heartbeat', 3));
    summary.take();
    expect(summary.take()).toEqual({});
  });
});
