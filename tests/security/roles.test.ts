// Every server action of the signed-in app, found by walking app/, called by a member of this very account in each
// role with this account's ids. A driver or guest (one whose access is running, one whose end has passed) is refused
// everything but charging with their own cards, switching to the account, leaving it and choosing its e-mails, and
// nothing of the account changes; a co-owner is never refused for their role.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { memberships, type MemberRole } from '@/db/schema';
import { makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { accountSnapshot, callWithFields, isRefusal, loadSignedInActions, makeTargetAccount, SELF_SCOPED, type TargetAccount } from './action-catalog';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next-intl/server', async (original) => ({ ...(await original<object>()), getTimeZone: async () => 'UTC', getLocale: async () => 'en' }));
vi.mock('next/headers', () => import('../support/no-request'));

const actions = await loadSignedInActions();
const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());
// What a driver may do in the account besides their own profile: look at it, leave it, and choose which of its
// e-mails they get (their own choices; a session of theirs is all a driver may hear of), and where their own statements
// go as well.
const DRIVER_MAY = new Set(['switchAccountAction', 'leaveAccountAction', 'saveNotificationsAction', 'setReimbursementEmailAction']);

let victim: TargetAccount;
beforeAll(async () => {
  victim = await makeTargetAccount(db, { isChargerOnline: true });
});

type Grant = { role: MemberRole; accessEndsAt: Date | null };

async function memberWith({ role, accessEndsAt }: Grant) {
  const user = await makeUser(db, { emailVerifiedAt: new Date() });
  await db.insert(memberships).values({ accountId: victim.account.id, userId: user.id, role, accessEndsAt });
  return user;
}

const inAnHour = () => new Date(Date.now() + 3600_000);
const anHourAgo = () => new Date(Date.now() - 3600_000);
const labelled = actions.map((found) => [`${found.file} ${found.name}`, found] as const);

describe.each([
  { label: 'a driver', grant: () => ({ role: 'driver' as const, accessEndsAt: null }), mayLook: true },
  { label: 'a guest', grant: () => ({ role: 'guest' as const, accessEndsAt: inAnHour() }), mayLook: true },
  { label: 'a guest whose access has ended', grant: () => ({ role: 'guest' as const, accessEndsAt: anHourAgo() }), mayLook: false },
])('$label of the account', ({ grant, mayLook }) => {
  it.each(labelled)('is refused by %s', async (_label, { file, name, action }) => {
    signInAs(await memberWith(grant()));
    const before = await accountSnapshot(sql, victim);
    const result = await callWithFields(action, victim.fields);
    expect(result, name).not.toHaveProperty('thrown');
    if (SELF_SCOPED.has(file) || (mayLook && DRIVER_MAY.has(name))) return;
    expect(isRefusal(result), `${name}: ${JSON.stringify(result)}`).toBe(true);
    expect(await accountSnapshot(sql, victim), name).toEqual(before);
  });
});

describe('a co-owner of the account', () => {
  it.each(labelled)('is not refused for their role by %s', async (_label, { name, action }) => {
    signInAs(await memberWith({ role: 'member', accessEndsAt: null }));
    const result = await callWithFields(action, victim.fields);
    expect(result, name).not.toHaveProperty('thrown');
    expect(JSON.stringify(result), name).not.toContain('coOwnersOnly');
  });
});

describe('the account switcher', () => {
  it.each([
    { label: 'a driver', grant: () => ({ role: 'driver' as const, accessEndsAt: null }) },
    { label: 'a guest', grant: () => ({ role: 'guest' as const, accessEndsAt: inAnHour() }) },
  ])('lets $label choose the account', async ({ grant }) => {
    signInAs(await memberWith(grant()));
    const { switchAccountAction } = await import('@/app/actions/account');
    expect(await switchAccountAction(victim.account.id)).toEqual({ status: 'ok', data: null });
  });
});
