import { eq } from 'drizzle-orm';
import type { Session } from 'next-auth';
import { afterAll, describe, expect, it, vi, type Mock } from 'vitest';
import { z } from 'zod';
import { users } from '@/db/schema';
import { makeUser } from '@/db/seed/builders';
import { auth } from '@/lib/auth';
import { idle, ok } from '@/lib/action-result';
import { userAction } from '@/lib/user-action';
import { nameField } from '@/lib/validation';
import { testDb } from '@/ocpp-server/test/helpers';
import { signInAs } from '../cards/action-support';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => ({ auth: vi.fn() }));

const { db, sql } = testDb();
afterAll(() => sql.end());

const calls = vi.fn();
// A user action that renames its own user: enough to see who gets through and what changes.
const renameMeAction = userAction(z.object({ name: nameField }), async ({ input, user }) => {
  calls(user.id);
  await db.update(users).set({ name: input.name }).where(eq(users.id, user.id));
  return ok(null);
});
const idSchema = z.object({ id: z.uuid() });
const hiddenFieldsAction = userAction<typeof idSchema, string>(idSchema, async () => ok('done'), {
  onInvalid: (fields) => ok(fields.id ? 'gone' : 'missing'),
});

const nameOf = async (userId: string) => (await db.select({ name: users.name }).from(users).where(eq(users.id, userId)))[0]?.name;
const signedInUser = async () => {
  const user = await makeUser(db, { emailVerifiedAt: new Date(), name: 'Before' });
  signInAs(user);
  return user;
};

describe('userAction', () => {
  it('calls the action with the parsed input as the signed-in user', async () => {
    const user = await signedInUser();
    expect(await renameMeAction(idle, formData({ name: ' Ada ' }))).toEqual({ status: 'ok', data: null });
    expect(await nameOf(user.id)).toBe('Ada');
  });

  it('answers sessionExpired without a session, and without a session that is still valid, and runs nothing', async () => {
    const user = await signedInUser();
    calls.mockClear();
    (auth as unknown as Mock<() => Promise<Session | null>>).mockResolvedValue(null);
    expect(await renameMeAction(idle, formData({ name: 'Nobody' }))).toEqual({ status: 'error', formError: 'sessionExpired' });
    signInAs({ id: user.id, sid: 'a-session-that-has-ended' });
    expect(await renameMeAction(idle, formData({ name: 'Stale' }))).toEqual({ status: 'error', formError: 'sessionExpired' });
    expect(calls).not.toHaveBeenCalled();
    expect(await nameOf(user.id)).toBe('Before');
  });

  it('returns field errors with what was typed, and changes nothing', async () => {
    const user = await signedInUser();
    calls.mockClear();
    expect(await renameMeAction(idle, formData({ name: '' }))).toEqual({ status: 'error', fieldErrors: { name: ['required'] }, values: { name: '' } });
    expect(calls).not.toHaveBeenCalled();
    expect(await nameOf(user.id)).toBe('Before');
  });

  it('answers what onInvalid builds from the raw fields for a form of hidden fields', async () => {
    await signedInUser();
    expect(await hiddenFieldsAction(idle, formData({ id: 'forged' }))).toEqual({ status: 'ok', data: 'gone' });
    expect(await hiddenFieldsAction(idle, formData({}))).toEqual({ status: 'ok', data: 'missing' });
    expect(await hiddenFieldsAction(idle, formData({ id: crypto.randomUUID() }))).toEqual({ status: 'ok', data: 'done' });
  });
});
