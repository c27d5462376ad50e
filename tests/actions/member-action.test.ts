import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { accounts } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';
import { idle, ok } from '@/lib/action-result';
import { memberAction } from '@/lib/member-action';
import { accountClaim, key, nameField, newPasswordField } from '@/lib/validation';
import { testDb } from '@/ocpp-server/test/helpers';
import { signInAs } from '../cards/action-support';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => ({ auth: vi.fn() }));

const { db, sql } = testDb();
afterAll(() => sql.end());

const renameSchema = accountClaim.extend({ name: nameField, seats: z.coerce.number(key('choiceInvalid')).int(key('choiceInvalid')), password: newPasswordField.optional() });
const calls = vi.fn();

// A member action that renames the account it acts in: enough to see who gets through and what changes.
const renameAccountAction = memberAction(renameSchema, async ({ input, member }) => {
  calls(member);
  await db.update(accounts).set({ name: input.name }).where(eq(accounts.id, member.accountId));
  return ok(null);
});
const hiddenFieldsAction = memberAction(accountClaim, async () => ok(null), { onInvalid: 'notFound' });

async function accountWithOwner() {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  return { owner, account };
}

const nameOf = async (accountId: string) => (await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId)))[0]?.name;

describe('memberAction', () => {
  it('calls the action with the parsed input and the membership for a member of the claimed account', async () => {
    const { owner, account } = await accountWithOwner();
    signInAs(owner);
    calls.mockClear();
    expect(await renameAccountAction(idle, formData({ accountId: account.id, name: ' Garage ', seats: '2' }))).toEqual({ status: 'ok', data: null });
    expect(calls).toHaveBeenCalledWith({ userId: owner.id, accountId: account.id, role: 'owner', twoFactorMissing: false });
    expect(await nameOf(account.id)).toBe('Garage');
  });

  it('answers forbidden to a member of another account, runs nothing and changes no row', async () => {
    const victim = await accountWithOwner();
    const intruder = await accountWithOwner();
    signInAs(intruder.owner);
    calls.mockClear();
    const before = await nameOf(victim.account.id);
    const result = await renameAccountAction(idle, formData({ accountId: victim.account.id, name: 'Taken over', seats: '1' }));
    expect(result).toEqual({ status: 'error', formError: 'forbidden', values: { accountId: victim.account.id, name: 'Taken over', seats: '1' } });
    expect(calls).not.toHaveBeenCalled();
    expect(await nameOf(victim.account.id)).toBe(before);
  });

  it('returns every field’s error with what was typed, except passwords, before looking at the membership', async () => {
    const { owner } = await accountWithOwner();
    signInAs(owner);
    calls.mockClear();
    const result = await renameAccountAction(idle, formData({ accountId: 'not-a-uuid', name: '', seats: 'many', password: 'short' }));
    expect(result).toEqual({
      status: 'error',
      fieldErrors: { accountId: ['required'], name: ['required'], seats: ['choiceInvalid'], password: ['passwordTooShort'] },
      values: { accountId: 'not-a-uuid', name: '', seats: 'many' },
    });
    expect(calls).not.toHaveBeenCalled();
  });

  it('answers the given error for a form of hidden fields, and forbidden without echoing them', async () => {
    const victim = await accountWithOwner();
    const intruder = await accountWithOwner();
    signInAs(intruder.owner);
    expect(await hiddenFieldsAction(idle, formData({ accountId: 'forged' }))).toEqual({ status: 'error', formError: 'notFound' });
    expect(await hiddenFieldsAction(idle, formData({ accountId: victim.account.id }))).toEqual({ status: 'error', formError: 'forbidden' });
    expect(await hiddenFieldsAction(idle, formData({ accountId: intruder.account.id }))).toEqual({ status: 'ok', data: null });
  });

  it('reads anything but a form as an empty one', async () => {
    const { owner } = await accountWithOwner();
    signInAs(owner);
    const result = await renameAccountAction(idle, { accountId: owner.id } as unknown as FormData);
    expect(result).toMatchObject({ status: 'error', fieldErrors: { accountId: ['required'] } });
  });
});
