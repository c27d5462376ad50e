import { describe, expect, it } from 'vitest';
import { parsePeriodParams, periodQuery } from './period-params';

// 23:30 on 31 March in UTC is already 1 April in Vilnius.
const now = new Date('2026-03-31T23:30:00Z');

describe('the period of a statement page', () => {
  it('is this month of the account’s clock when nothing is chosen', () => {
    expect(parsePeriodParams({}, { timeZone: 'Europe/Vilnius', now })).toEqual({ period: { from: '2026-04-01', to: '2026-05-01' }, month: '2026-04', errors: {} });
    expect(parsePeriodParams({}, { timeZone: 'UTC', now }).month).toBe('2026-03');
  });

  it('takes a month, or days with both ends included', () => {
    expect(parsePeriodParams({ month: '2026-02' }, { timeZone: 'UTC', now }).period).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    const days = parsePeriodParams({ from: '2026-03-05', to: '2026-03-20' }, { timeZone: 'UTC', now });
    expect(days).toEqual({ period: { from: '2026-03-05', to: '2026-03-21' }, month: null, errors: {} });
    expect(periodQuery(days)).toBe('?from=2026-03-05&to=2026-03-20');
  });

  it('says what is wrong next to the field and shows this month meanwhile', () => {
    expect(parsePeriodParams({ month: '2026-13' }, { timeZone: 'UTC', now })).toMatchObject({ month: '2026-03', errors: { month: 'monthInvalid' } });
    expect(parsePeriodParams({ from: '2026-02-30', to: 'x' }, { timeZone: 'UTC', now }).errors).toEqual({ from: 'dateInvalid', to: 'dateInvalid' });
    expect(parsePeriodParams({ from: '2026-03-20', to: '2026-03-05' }, { timeZone: 'UTC', now }).errors).toEqual({ to: 'rangeInvalid' });
    expect(parsePeriodParams({ from: '2025-01-01', to: '2026-03-05' }, { timeZone: 'UTC', now }).errors).toEqual({ to: 'rangeInvalid' });
  });
});
