// Every server action a visitor can call before logging in (register, login, activation, forgotten
// and reset password; found by walking app/(public)), sent hostile values and arguments that are no
// form at all: each refuses with messages of the catalogs, never throws, and stores nothing.
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { actionFiles, appRoot, callAction, CHALLENGE_ACTIONS, isRefusal, loadActions, type FoundAction } from './action-catalog';
import { expectClearAnswer, sendHostileValues, WRONG_TYPED_PAYLOADS } from './hostile-input';

// Credentials never match here: a login that got past its checks is refused as a wrong password.
vi.mock('@/lib/auth', async () => {
  const fake = await import('../support/fake-auth');
  return {
    ...fake,
    signIn: async () => {
      throw new fake.LoginRefused();
    },
  };
});
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next-intl/server', async (original) => ({ ...(await original<object>()), getLocale: async () => 'en' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.9' }),
}));

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

const actions = await loadActions(actionFiles(path.join(appRoot, '(public)')));
const cases = actions.filter((found) => !CHALLENGE_ACTIONS.has(found.name)).map((found) => [`${found.file} ${found.name}`, found] as const);

// What a visitor's action could add or change, as one comparable value.
async function platformSnapshot() {
  const [row] = await sql`select
    (select count(*) from users) as users,
    (select coalesce(json_agg(u.password_hash || coalesce(u.email_verified_at::text, '') order by u.id), '[]') from users u) as credentials,
    (select coalesce(json_agg(s.id order by s.id), '[]') from user_sessions s) as sessions,
    (select count(*) from tokens) as tokens,
    (select count(*) from tokens where used_at is not null) as used_tokens,
    (select count(*) from accounts) as accounts,
    (select count(*) from outbox_emails) as emails,
    (select count(*) from login_failures) as login_failures`;
  return row;
}

function visitorTrial(found: FoundAction) {
  return async (payload: (target: null) => unknown, { label, isComplete = false }: { label: string; isComplete?: boolean }) => {
    signInAs(null);
    const sent = payload(null);
    const before = await platformSnapshot();
    const outcome = await callAction(found.action, sent);
    const after = await platformSnapshot();
    expectClearAnswer(outcome, { label, fieldNames: isComplete && sent instanceof FormData ? [...sent.keys()] : undefined });
    expect(isRefusal(outcome), `${label}: ${JSON.stringify(outcome).slice(0, 300)}`).toBe(true);
    expect(after, `${label}: changed what is stored`).toEqual(before);
    return { outcome, after };
  };
}

describe('a visitor sending hostile values', () => {
  it('finds the public actions to try', () => {
    expect(actions.map((found) => found.name).sort()).toEqual(
      expect.arrayContaining(['activateAction', 'forgotPasswordAction', 'loginAction', 'registerAction', 'resendActivationAction', 'resetPasswordAction']),
    );
  });

  it.each(cases)('%s refuses every field that is no valid value, next to the field, and stores nothing', async (_label, found) => {
    const known = await makeUser(db, { emailVerifiedAt: new Date() });
    const validFields = () => ({ name: 'Visitor', email: known.email, password: 'a long enough password', token: 'x'.repeat(43), invite: 'x'.repeat(43), callbackUrl: '/dashboard', code: '123456', credential: '{"id":"x"}' });
    await sendHostileValues<null>({ name: found.name, attempt: visitorTrial(found), validFields, idFields: [] });
  });

  it.each(cases)('%s refuses arguments that are no form at all', async (_label, found) => {
    const attempt = visitorTrial(found);
    for (const [kind, payload] of Object.entries(WRONG_TYPED_PAYLOADS)) await attempt(() => payload, { label: `${found.name} with a ${kind}` });
  });
});
