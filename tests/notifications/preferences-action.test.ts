import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { accounts, memberships, notificationPreferences } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { listNotificationSettings } from '@/domain/data/notification-preferences';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { saveNotificationsAction } = await import('@/app/(app)/profile/notification-actions');
const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const accountOfVerifiedOwner = async () => makeAccount(db, { owner: await makeUser(db, { emailVerifiedAt: new Date() }) });

const choicesOf = async (userId: string) =>
  Object.fromEntries(
    (await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId))).map((row) => [row.kind, { email: row.isEmail, push: row.isPush }]),
  );

describe('saving notification choices', () => {
  it('starts from the defaults of the role: owners get everything, a driver only their sessions and statements', async () => {
    const account = await makeAccount(db);
    const driver = await makeUser(db);
    await db.insert(memberships).values({ accountId: account.id, userId: driver.id, role: 'driver' });

    const [ownerSettings] = await listNotificationSettings(db, { userId: account.owner.id });
    expect(ownerSettings?.kinds).toEqual(['session-started', 'session-finished', 'statement-ready', 'charger-faulted', 'charger-offline', 'charger-back', 'member-joined', 'member-left'].map((kind) => ({ kind, isEmail: true, isPush: true })));
    const [driverSettings] = await listNotificationSettings(db, { userId: driver.id });
    expect(driverSettings?.kinds).toEqual(['session-started', 'session-finished', 'statement-ready'].map((kind) => ({ kind, isEmail: true, isPush: true })));
  });

  it('stores each ticked kind and channel on and the others off, for the kinds the role may get', async () => {
    const account = await accountOfVerifiedOwner();
    signInAs(account.owner);
    const result = await saveNotificationsAction({ status: 'idle' }, formData({ accountId: account.id, 'email:charger-faulted': 'on', 'push:charger-faulted': 'on', 'push:session-finished': 'on' }));

    expect(result).toEqual({ status: 'ok', data: null });
    expect(await choicesOf(account.owner.id)).toEqual({
      'session-started': { email: false, push: false },
      'session-finished': { email: false, push: true },
      'statement-ready': { email: false, push: false },
      'charger-faulted': { email: true, push: true },
      'charger-offline': { email: false, push: false },
      'charger-back': { email: false, push: false },
      'member-joined': { email: false, push: false },
      'member-left': { email: false, push: false },
    });
  });

  it('stores a driver\'s choices for their sessions only, whatever else the form claims', async () => {
    const account = await makeAccount(db);
    const driver = await makeUser(db, { emailVerifiedAt: new Date() });
    await db.insert(memberships).values({ accountId: account.id, userId: driver.id, role: 'driver' });
    signInAs(driver);
    await saveNotificationsAction({ status: 'idle' }, formData({ accountId: account.id, 'email:session-finished': 'on', 'push:charger-faulted': 'on' }));

    expect(await choicesOf(driver.id)).toEqual({
      'session-started': { email: false, push: false },
      'session-finished': { email: true, push: false },
      'statement-ready': { email: false, push: false },
    });
  });

  it("refuses another account's id and stores nothing", async () => {
    const mine = await accountOfVerifiedOwner();
    const theirs = await makeAccount(db);
    signInAs(mine.owner);
    const result = await saveNotificationsAction({ status: 'idle' }, formData({ accountId: theirs.id, 'email:charger-faulted': 'on' }));

    // forbidden, as every action in one account answers a non-member (memberAction).
    expect(result).toEqual({ status: 'error', formError: 'forbidden' });
    expect(await choicesOf(mine.owner.id)).toEqual({});
  });

  it('answers a forged form (a checkbox with another value) without storing anything', async () => {
    const account = await accountOfVerifiedOwner();
    signInAs(account.owner);
    const result = await saveNotificationsAction({ status: 'idle' }, formData({ accountId: account.id, 'push:member-left': 'yes' }));

    expect(result).toEqual({ status: 'error', formError: 'notFound' });
    expect(await choicesOf(account.owner.id)).toEqual({});
  });

  it('asks a member of an account that requires two-factor sign-in to set it up first, and stores nothing', async () => {
    const account = await accountOfVerifiedOwner();
    const member = await makeUser(db, { emailVerifiedAt: new Date() });
    await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'driver' });
    await db.update(accounts).set({ requireTwoFactor: true }).where(eq(accounts.id, account.id));
    signInAs(member);
    const result = await saveNotificationsAction({ status: 'idle' }, formData({ accountId: account.id }));

    expect(result).toEqual({ status: 'error', formError: 'twoFactorRequired' });
    expect(await choicesOf(member.id)).toEqual({});
  });
});
