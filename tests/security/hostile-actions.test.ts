// Every server action of the signed-in app (found by walking app/), tried without a session, by a
// member the owner removed, with hostile field values and with arguments that are no form at all:
// each answers with a result or a redirect to the login page (never a throw, which is a 500), its
// errors are messages of the catalogs, and nothing of the account changes unless the action succeeded.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { signInAs } from '../support/fake-auth';
import {
  accountSnapshot,
  callAction,
  callWithFields,
  isRefusal,
  loadSignedInActions,
  makeTargetAccount,
  NEEDS_NO_SESSION,
  SELF_SCOPED,
  type FoundAction,
  type Outcome,
  type TargetAccount,
} from './action-catalog';
import { expectClearAnswer, formOf, sendHostileValues, withEvery, WRONG_TYPED_PAYLOADS } from './hostile-input';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next-intl/server', async (original) => ({ ...(await original<object>()), getTimeZone: async () => 'UTC', getLocale: async () => 'en' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

const ID_FIELDS = ['accountId', 'chargerId', 'cardId', 'inviteId', 'userId', 'transactionId', 'statementId'];
// Fields some form has that the shared target fields do not, so that every field gets a hostile value.
const MORE_FIELDS = {
  address: 'Main street 1',
  latitude: '54.7',
  longitude: '25.3',
  expiresOn: '2031-01-01',
  key: 'HeartbeatInterval',
  value: '300',
  requestedMessage: 'Heartbeat',
  currentPassword: 'not the password',
  newPassword: 'a new password 123',
  password: 'a new password 123',
  callbackUrl: '/dashboard',
  note: 'Charger away since yesterday',
  sampleIntervalSec: '30',
  code: '123456',
  credential: '{"id":"x"}',
  passkeyId: '00000000-0000-4000-8000-000000000000',
  variableId: '00000000-0000-4000-8000-000000000000',
  minutes: '30',
  start: '22:00',
  end: '07:00',
  reservationId: '1',
  vendorId: 'Chargewatch',
  messageId: 'Echo',
  data: '{"ping":1}',
  securityProfile: '2',
  method: 'manual',
  stripeSecretKey: 'sk_test_hostileTrialKey0001',
  stripeWebhookSecret: 'whsec_hostileTrialSecret0001',
  timeZone: 'Europe/Vilnius',
  url: 'https://prices.example/day-ahead.csv',
  file: 'start,price',
  amount: 'kwh',
  energyKwh: '20',
  departure: '07:00',
  batteryKwh: '60',
  capacityA: '32',
  minCurrentA: '6',
  followsMeterFeed: 'on',
  solarMode: 'off',
};

const actions = await loadSignedInActions();
const cases = actions.map((found) => [`${found.file} ${found.name}`, found] as const);

// Runs one call as the account's owner and checks its answer; a fresh account is made after any call
// that was not refused, so a legitimate change never hides the next call's effect. When every field
// the action knows was sent, each field error must name one of them (shown next to that field).
function ownerTrial() {
  let target: TargetAccount | null = null;
  return async function attempt(found: FoundAction, payload: (target: TargetAccount) => unknown, { label, isComplete = false }: { label: string; isComplete?: boolean }) {
    target ??= await makeTargetAccount(db);
    signInAs(target.owner);
    const sent = payload(target);
    const before = await accountSnapshot(sql, target);
    const outcome: Outcome = await callAction(found.action, sent);
    const after = await accountSnapshot(sql, target);
    expectClearAnswer(outcome, { label, fieldNames: isComplete && sent instanceof FormData ? [...sent.keys()] : undefined });
    if (isRefusal(outcome)) expect(after, `${label}: refused, yet the account changed`).toEqual(before);
    else target = null;
    return { outcome, after };
  };
}

describe('without a session', () => {
  it('finds the actions to try', () => {
    expect(actions.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('%s is refused and changes nothing', async (_label, { file, name, action }) => {
    const target = await makeTargetAccount(db);
    signInAs(null);
    const before = await accountSnapshot(sql, target);
    const outcome = await callWithFields(action, target.fields);
    expectClearAnswer(outcome, { label: name });
    if (!NEEDS_NO_SESSION.has(file)) expect(isRefusal(outcome), `${name}: ${JSON.stringify(outcome)}`).toBe(true);
    expect(await accountSnapshot(sql, target), name).toEqual(before);
  });
});

describe('a member the owner removed, whose session is still valid', () => {
  let target: TargetAccount;
  beforeAll(async () => {
    target = await makeTargetAccount(db);
    const { removeMemberAction } = await import('@/app/(app)/customers/actions');
    signInAs(target.owner);
    expect(await removeMemberAction({ status: 'idle' }, formOf({ accountId: target.account.id, userId: target.member.id }))).toEqual({ status: 'ok', data: null });
  });

  it.each(cases)('%s is refused and changes nothing of the account', async (_label, { file, name, action }) => {
    signInAs(target.member);
    const before = await accountSnapshot(sql, target);
    const outcome = await callWithFields(action, target.fields);
    expectClearAnswer(outcome, { label: name });
    if (!SELF_SCOPED.has(file)) expect(isRefusal(outcome), `${name}: ${JSON.stringify(outcome)}`).toBe(true);
    if (SELF_SCOPED.has(file)) return;
    expect(await accountSnapshot(sql, target), name).toEqual(before);
  });
});

describe("the account's owner sending hostile values", () => {
  it.each(cases)('%s refuses every field that is no valid value, next to the field, and stores none of them', async (_label, found) => {
    const attempt = ownerTrial();
    await sendHostileValues<TargetAccount>({
      name: found.name,
      attempt: (payload, options) => attempt(found, payload, options),
      validFields: (target) => ({ ...target.fields, ...MORE_FIELDS }),
      idFields: ID_FIELDS,
    });
  });

  it.each(cases)('%s refuses a file, a missing field and an empty form', async (_label, found) => {
    const attempt = ownerTrial();
    const file = new Blob(['x'.repeat(1024)]);
    await attempt(found, (target) => formOf(withEvery({ ...target.fields, ...MORE_FIELDS }, file, { except: ID_FIELDS })), { label: `${found.name} with files`, isComplete: true });
    await attempt(found, (target) => formOf({ accountId: target.account.id }), { label: `${found.name} with the account only` });
    const empty = await attempt(found, () => new FormData(), { label: `${found.name} with an empty form` });
    if (!SELF_SCOPED.has(found.file)) expect(isRefusal(empty.outcome), found.name).toBe(true);
  });

  it.each(cases)('%s refuses arguments that are no form at all', async (_label, found) => {
    const attempt = ownerTrial();
    for (const [kind, payload] of Object.entries(WRONG_TYPED_PAYLOADS)) {
      const { outcome } = await attempt(found, () => payload, { label: `${found.name} with a ${kind}` });
      if (found.action.length > 0 && found.file !== 'actions/logout.ts') expect(isRefusal(outcome), `${found.name} ${kind}: ${JSON.stringify(outcome)}`).toBe(true);
    }
  });
});
