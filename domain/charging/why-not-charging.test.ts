import { describe, expect, it } from 'vitest';
import { cardRefusal } from './charging-events';
import { RECENT_MS, TIMELINE_LENGTH, whyNotCharging, type WhyInput } from './why-not-charging';

const now = new Date('2026-12-02T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

function input(overrides: Partial<WhyInput> = {}): WhyInput {
  return {
    connectorIds: [1, 2],
    charger: { isOnline: true, connectedAt: ago(60), disconnectedAt: null },
    statuses: [
      { connectorId: 1, status: 'Available', errorCode: 'NoError' },
      { connectorId: 2, status: 'Available', errorCode: 'NoError' },
    ],
    events: [],
    remoteStarts: [],
    reservations: [],
    scheduleHold: null,
    now,
    ...overrides,
  };
}

const card = (connectorId: number, code: string, minutesAgo: number) => ({ connectorId, kind: 'card', code, idTag: `TAG-${code}`, errorCode: null, at: ago(minutesAgo) });
const status = (connectorId: number, code: string, minutesAgo: number, errorCode = 'NoError') => ({ connectorId, kind: 'status', code, idTag: null, errorCode, at: ago(minutesAgo) });

describe('whyNotCharging', () => {
  it('says ready, with an empty timeline, when nothing happened', () => {
    expect(whyNotCharging(input())).toEqual([
      { connectorId: 1, now: { code: 'ready' }, timeline: [] },
      { connectorId: 2, now: { code: 'ready' }, timeline: [] },
    ]);
  });

  it('puts a card refused at the reader (connector 0) on every connector, marked as the charger’s, and names it as the reason while recent', () => {
    const [one, two] = whyNotCharging(input({ events: [card(0, 'blocked', 2)] }));
    const entry = { code: 'cardRefused', refusal: 'blocked', idTag: 'TAG-blocked', at: ago(2), isChargerWide: true };
    expect(one!.timeline).toEqual([entry]);
    expect(two!.timeline).toEqual([entry]);
    expect(one!.now).toEqual({ code: 'recent', entry });
  });

  it('keeps a refusal at a StartTransaction on its own connector', () => {
    const [one, two] = whyNotCharging(input({ events: [card(2, 'expired', 1)] }));
    expect(one!.timeline).toEqual([]);
    expect(two!.timeline).toMatchObject([{ code: 'cardRefused', refusal: 'expired', isChargerWide: false }]);
  });

  it('stops naming a refusal once charging began after it, or once it is old', () => {
    const charged = whyNotCharging(input({ events: [card(0, 'unknown', 5), status(1, 'Charging', 3)] }));
    expect(charged[0]!.now).toEqual({ code: 'ready' });
    const old = whyNotCharging(input({ events: [card(0, 'unknown', RECENT_MS / 60_000 + 1)] }));
    expect(old[0]!.now).toEqual({ code: 'ready' });
    expect(old[0]!.timeline).toHaveLength(1);
  });

  it('says offline since the disconnect before anything else, and never connected for a charger that never came', () => {
    const offline = whyNotCharging(input({ charger: { isOnline: false, connectedAt: ago(30), disconnectedAt: ago(10) }, statuses: [{ connectorId: 1, status: 'Faulted', errorCode: 'GroundFailure' }] }));
    expect(offline[0]!.now).toEqual({ code: 'offline', since: ago(10) });
    expect(offline[0]!.timeline).toEqual([{ code: 'wentOffline', at: ago(10), isChargerWide: true }]);
    const never = whyNotCharging(input({ charger: { isOnline: false, connectedAt: null, disconnectedAt: null } }));
    expect(never[0]!.now).toEqual({ code: 'neverConnected' });
  });

  it('shows a charger back online after a drop', () => {
    const [one] = whyNotCharging(input({ charger: { isOnline: true, connectedAt: ago(1), disconnectedAt: ago(5) } }));
    expect(one!.timeline.map((entry) => entry.code)).toEqual(['backOnline', 'wentOffline']);
    expect(one!.now).toEqual({ code: 'ready' });
  });

  it('names a Faulted or Unavailable connector, or a faulted charger (connector 0), out of order with its error code', () => {
    const statuses = [
      { connectorId: 1, status: 'Faulted', errorCode: 'GroundFailure' },
      { connectorId: 2, status: 'Available', errorCode: 'NoError' },
    ];
    const [one, two] = whyNotCharging(input({ statuses, events: [status(1, 'Faulted', 1, 'GroundFailure')] }));
    expect(one!.now).toEqual({ code: 'outOfOrder', status: 'Faulted', errorCode: 'GroundFailure' });
    expect(one!.timeline).toEqual([{ code: 'status', status: 'Faulted', errorCode: 'GroundFailure', at: ago(1), isChargerWide: false }]);
    expect(two!.now).toEqual({ code: 'ready' });
    const whole = whyNotCharging(input({ statuses: [...statuses.slice(1), { connectorId: 0, status: 'Unavailable', errorCode: 'NoError' }] }));
    expect(whole[1]!.now).toEqual({ code: 'outOfOrder', status: 'Unavailable', errorCode: 'NoError' });
  });

  it('tells a car that takes no power (SuspendedEV) from a charger holding it back (SuspendedEVSE), and charging from both', () => {
    const statuses = [
      { connectorId: 1, status: 'SuspendedEV', errorCode: 'NoError' },
      { connectorId: 2, status: 'SuspendedEVSE', errorCode: 'NoError' },
    ];
    expect(whyNotCharging(input({ statuses })).map((why) => why.now.code)).toEqual(['carNotReady', 'chargerPaused']);
    expect(whyNotCharging(input({ statuses: [{ connectorId: 1, status: 'Charging', errorCode: 'NoError' }] }))[0]!.now).toEqual({ code: 'charging' });
  });

  it('blames the owner’s charging windows for a SuspendedEVSE connector while they are closed, and says when they open', () => {
    const statuses = [
      { connectorId: 1, status: 'SuspendedEVSE', errorCode: 'NoError' },
      { connectorId: 2, status: 'Available', errorCode: 'NoError' },
    ];
    const resumesAt = ago(-600);
    const [one, two] = whyNotCharging(input({ statuses, scheduleHold: { resumesAt } }));
    expect(one!.now).toEqual({ code: 'limitedBySchedule', resumesAt });
    expect(two!.now).toEqual({ code: 'ready' });
  });

  it('names who holds a reserved connector and until when', () => {
    const reservations = [{ connectorId: 2, isForViewer: false, holderName: 'Rita', until: ago(-30) }];
    const [one, two] = whyNotCharging(input({ reservations }));
    expect(one!.now).toEqual({ code: 'ready' });
    expect(two!.now).toEqual({ code: 'reserved', isForViewer: false, holderName: 'Rita', until: ago(-30) });
  });

  it('gives remote starts their outcome, on the connector they named or on all when they named none', () => {
    const remoteStarts = [
      { connectorId: 1, status: 'timeout', at: ago(1) },
      { connectorId: null, status: 'rejected', at: ago(3) },
      { connectorId: 2, status: 'sent', at: ago(0) },
    ];
    const [one, two] = whyNotCharging(input({ remoteStarts }));
    expect(one!.timeline).toMatchObject([
      { code: 'remoteStart', outcome: 'timeout', isChargerWide: false },
      { code: 'remoteStart', outcome: 'rejected', isChargerWide: true },
    ]);
    expect(one!.now).toMatchObject({ code: 'recent', entry: { outcome: 'timeout' } });
    expect(two!.timeline.map((entry) => entry.code === 'remoteStart' && entry.outcome)).toEqual(['waiting', 'rejected']);
    // A start under way is the answer now, not the refusal before it.
    expect(two!.now).toMatchObject({ code: 'recent', entry: { outcome: 'waiting' } });
  });

  it('keeps the newest entries only, newest first', () => {
    const events = Array.from({ length: TIMELINE_LENGTH + 3 }, (_, index) => card(0, 'unknown', index + 1));
    const [one] = whyNotCharging(input({ events: events.reverse() }));
    expect(one!.timeline).toHaveLength(TIMELINE_LENGTH);
    expect(one!.timeline[0]!.at).toEqual(ago(1));
  });
});

describe('cardRefusal', () => {
  const row = { id: 'c', accountId: 'a', kind: 'physical' as const, status: 'active' as const, userId: null, expiresAt: null, memberUserId: null, isInOtherSession: false };
  it('tells the three Invalid cases apart: unknown tag, virtual card at a reader, holder no longer a member', () => {
    expect(cardRefusal(null, 'Invalid')).toBe('unknown');
    expect(cardRefusal({ ...row, kind: 'virtual' }, 'Invalid')).toBe('virtual');
    expect(cardRefusal({ ...row, userId: 'u' }, 'Invalid')).toBe('notMember');
  });
  it('maps the other refusals and accepts nothing as a refusal', () => {
    expect(cardRefusal(row, 'Blocked')).toBe('blocked');
    expect(cardRefusal(row, 'Expired')).toBe('expired');
    expect(cardRefusal(row, 'ConcurrentTx')).toBe('inUse');
    expect(cardRefusal(row, 'Accepted')).toBeNull();
  });
});
