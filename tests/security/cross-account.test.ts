// Every server action of the signed-in app, found by walking app/, called by a member of another
// account with this account's ids: each must refuse, and nothing of this account may change.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { accountSnapshot, callWithFields, isRefusal, loadSignedInActions, makeTargetAccount, SELF_SCOPED, type TargetAccount } from './action-catalog';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
// Actions that read the user's time zone (card expiry, charging windows) find it in the request, as in Next.js.
vi.mock('next-intl/server', async (original) => ({ ...(await original<object>()), getTimeZone: async () => 'UTC' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

const actions = await loadSignedInActions();

let victim: TargetAccount;
let intruderAccount: TargetAccount;

beforeAll(async () => {
  victim = await makeTargetAccount(db, { isChargerOnline: true });
  intruderAccount = await makeTargetAccount(db);
});

describe('a member of another account', () => {
  it('finds the actions to try', () => {
    expect(new Set(actions.map((found) => found.file)).size).toBeGreaterThanOrEqual(10);
  });

  it.each(actions.map((found) => [`${found.file} ${found.name}`, found] as const))('is refused by %s', async (_label, { file, name, action }) => {
    const intruder = await makeUser(db, { emailVerifiedAt: new Date() });
    await makeAccount(db, { owner: intruder });
    signInAs(intruder);
    const before = await accountSnapshot(sql, victim);
    const result = await callWithFields(action, victim.fields);
    expect(result, name).not.toHaveProperty('thrown');
    if (!SELF_SCOPED.has(file)) expect(isRefusal(result), `${name}: ${JSON.stringify(result)}`).toBe(true);
    expect(await accountSnapshot(sql, victim), name).toEqual(before);
  });

  // Their own account named as the account, this account's charger, card, session, invite and member
  // as the things to act on: whatever the action does in their own account, nothing here changes.
  it.each(actions.map((found) => [`${found.file} ${found.name}`, found] as const))('cannot reach into this account through %s', async (_label, { name, action }) => {
    signInAs(intruderAccount.owner);
    const forged = {
      ...intruderAccount.fields,
      chargerId: victim.charger.id,
      cardId: victim.card.id,
      inviteId: victim.invite.id,
      userId: victim.member.id,
      transactionId: String(victim.session.id),
      statementId: victim.statement.id,
    };
    const before = await accountSnapshot(sql, victim);
    const result = await callWithFields(action, forged);
    expect(result, name).not.toHaveProperty('thrown');
    expect(await accountSnapshot(sql, victim), name).toEqual(before);
  });
});
