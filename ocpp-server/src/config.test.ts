import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
});

function withEnv(env: Record<string, string>) {
  process.env = { ...saved, DATABASE_URL: 'postgres://localhost/x', ...env };
  return configFromEnv();
}

describe('OCPP server configuration', () => {
  it('limits each connection to a burst of 50 and 20 messages a second, and handshakes to 10 s, by default', () => {
    const config = withEnv({ OCPP_MESSAGE_RATE: '', OCPP_MESSAGE_BURST: '', OCPP_HANDSHAKE_TIMEOUT: '' });
    expect(config).toMatchObject({ messageLimit: { burst: 50, perSecond: 20 }, handshakeTimeoutMs: 10_000 });
  });

  it('takes the limits from the environment, and a rate of 0 turns the limit off', () => {
    expect(withEnv({ OCPP_MESSAGE_RATE: '5', OCPP_MESSAGE_BURST: '8', OCPP_HANDSHAKE_TIMEOUT: '2.5' })).toMatchObject({
      messageLimit: { burst: 8, perSecond: 5 },
      handshakeTimeoutMs: 2500,
    });
    expect(withEnv({ OCPP_MESSAGE_RATE: '0' }).messageLimit).toBeNull();
  });

  it('refuses a handshake timeout of 0, which Node would read as no timeout at all', () => {
    expect(() => withEnv({ OCPP_HANDSHAKE_TIMEOUT: '0' })).toThrow('OCPP_HANDSHAKE_TIMEOUT must be more than 0 seconds');
    expect(() => withEnv({ OCPP_HANDSHAKE_TIMEOUT: '-3' })).toThrow('OCPP_HANDSHAKE_TIMEOUT');
  });

  it('refuses a limit that is not a number', () => {
    expect(() => withEnv({ OCPP_MESSAGE_RATE: 'lots' })).toThrow('OCPP_MESSAGE_RATE');
    expect(() => withEnv({ OCPP_MESSAGE_BURST: '-1' })).toThrow('OCPP_MESSAGE_BURST');
  });

  it('sizes the database pool from the environment and refuses a pool that could hold no connection', () => {
    expect(withEnv({}).databasePoolSize).toBe(20);
    expect(withEnv({ OCPP_DATABASE_POOL: '40' }).databasePoolSize).toBe(40);
    expect(() => withEnv({ OCPP_DATABASE_POOL: '0' })).toThrow('OCPP_DATABASE_POOL');
    expect(() => withEnv({ OCPP_DATABASE_POOL: '2.5' })).toThrow('OCPP_DATABASE_POOL');
  });

  it('sends 2 group-commit statements at once unless told another whole number, and refuses none at all', () => {
    expect(withEnv({}).statementsInFlight).toBe(2);
    expect(withEnv({ OCPP_STATEMENTS_IN_FLIGHT: '6' }).statementsInFlight).toBe(6);
    expect(() => withEnv({ OCPP_STATEMENTS_IN_FLIGHT: '0' })).toThrow('OCPP_STATEMENTS_IN_FLIGHT must be a whole number of statements at once, at least 1');
    expect(() => withEnv({ OCPP_STATEMENTS_IN_FLIGHT: 'lots' })).toThrow('OCPP_STATEMENTS_IN_FLIGHT');
  });

  it('lets 8 chargers be provisioned at once unless told another whole number, and refuses none at all', () => {
    expect(withEnv({}).backgroundRuns).toBe(8);
    expect(withEnv({ OCPP_BACKGROUND_RUNS: '16' }).backgroundRuns).toBe(16);
    expect(() => withEnv({ OCPP_BACKGROUND_RUNS: '0' })).toThrow('OCPP_BACKGROUND_RUNS must be a whole number of runs at once, at least 1');
    expect(() => withEnv({ OCPP_BACKGROUND_RUNS: '2.5' })).toThrow('OCPP_BACKGROUND_RUNS');
    expect(() => withEnv({ OCPP_BACKGROUND_RUNS: 'many' })).toThrow('OCPP_BACKGROUND_RUNS');
  });

  it('caps the calls in flight at 2,000 unless told otherwise, 0 turning the cap off, and refuses a cap that is not a whole number', () => {
    expect(withEnv({ OCPP_MAX_CALLS_IN_FLIGHT: '' }).maxCallsInFlight).toBe(2000);
    expect(withEnv({ OCPP_MAX_CALLS_IN_FLIGHT: '500' }).maxCallsInFlight).toBe(500);
    expect(withEnv({ OCPP_MAX_CALLS_IN_FLIGHT: '0' }).maxCallsInFlight).toBeNull();
    for (const wrong of ['-1', '2.5', 'many']) expect(() => withEnv({ OCPP_MAX_CALLS_IN_FLIGHT: wrong })).toThrow('OCPP_MAX_CALLS_IN_FLIGHT must be a whole number of calls');
  });

  it('lets the heap grow 50 % past what a full collection kept unless told otherwise, 0 leaving it to V8', () => {
    expect(withEnv({}).heapGrowthPercent).toBe(50);
    expect(withEnv({ OCPP_HEAP_GROWTH_PERCENT: '100' }).heapGrowthPercent).toBe(100);
    expect(withEnv({ OCPP_HEAP_GROWTH_PERCENT: '0' }).heapGrowthPercent).toBeNull();
    for (const wrong of ['-5', '12.5', '301', 'lots']) expect(() => withEnv({ OCPP_HEAP_GROWTH_PERCENT: wrong })).toThrow('OCPP_HEAP_GROWTH_PERCENT must be a whole number of percent');
  });

  it('keeps meter values forever unless a retention of whole months is set', () => {
    expect(withEnv({ METER_VALUES_RETENTION_MONTHS: '' }).meterValuesRetentionMonths).toBeNull();
    expect(withEnv({ METER_VALUES_RETENTION_MONTHS: '36' }).meterValuesRetentionMonths).toBe(36);
    expect(() => withEnv({ METER_VALUES_RETENTION_MONTHS: '0' })).toThrow('METER_VALUES_RETENTION_MONTHS');
    expect(() => withEnv({ METER_VALUES_RETENTION_MONTHS: '1.5' })).toThrow('METER_VALUES_RETENTION_MONTHS');
  });
});
