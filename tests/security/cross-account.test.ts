// Every server action of the signed-in app, found by walking app/, called by a member of another
// account with this account's ids: each must refuse, and nothing of this account may change.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { cards, invites, memberships } from '@/db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { newToken } from '@/lib/crypto/token';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: vi.fn(), delete: vi.fn() }),
  headers: async () => new Headers(),
}));

const { db, sql } = createDb(process.env.DATABASE_URL!);
afterAll(() => sql.end());

const root = path.resolve(import.meta.dirname, '../../app/(app)');
function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return actionFiles(file);
    return /actions\.ts$/.test(name) ? [file] : [];
  });
}
// These change only the signed-in user's own data (name, password); no account id is involved.
const SELF_SCOPED = new Set(['profile/actions.ts']);
const LINK_REFUSALS = ['invalid', 'otherUser', 'used', 'expired', 'revoked'];

function isRefusal(result: unknown) {
  const value = result as { status?: string; data?: unknown };
  return value.status === 'error' || (value.status === 'ok' && LINK_REFUSALS.includes(String(value.data)));
}

const files = [...actionFiles(root), path.resolve(import.meta.dirname, '../../app/actions/account.ts')];

// What this account owns, as one comparable value.
async function snapshot(accountId: string) {
  const [row] = await sql`select
    (select coalesce(json_agg(c order by c.id), '[]') from chargers c where c.account_id = ${accountId}) as chargers,
    (select coalesce(json_agg(c order by c.id), '[]') from cards c where c.account_id = ${accountId}) as cards,
    (select coalesce(json_agg(m order by m.user_id), '[]') from memberships m where m.account_id = ${accountId}) as memberships,
    (select coalesce(json_agg(i order by i.id), '[]') from invites i where i.account_id = ${accountId}) as invites,
    (select count(*) from charger_commands where account_id = ${accountId}) as commands`;
  return row;
}

let fields: Record<string, string>;
let victimAccountId: string;

beforeAll(async () => {
  const owner = await makeUser(db, { emailVerifiedAt: new Date() });
  const member = await makeUser(db, { emailVerifiedAt: new Date() });
  const invitee = await makeUser(db, { emailVerifiedAt: new Date() });
  const account = await makeAccount(db, { owner });
  await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'member' });
  const charger = await makeCharger(db, { accountId: account.id, isOnline: true });
  const card = await makeCard(db, { accountId: account.id, userId: member.id });
  const [invite] = await db
    .insert(invites)
    .values({ accountId: account.id, invitedUserId: invitee.id, email: invitee.email, invitedBy: owner.id, tokenHash: newToken().tokenHash, expiresAt: new Date(Date.now() + 3600_000) })
    .returning();
  victimAccountId = account.id;
  fields = {
    accountId: account.id,
    chargerId: charger.id,
    cardId: card.id,
    inviteId: invite!.id,
    userId: member.id,
    email: (await makeUser(db, { emailVerifiedAt: new Date() })).email,
    name: 'Intruder was here',
    identity: 'INTRUDER-1',
    idTag: 'INTRUDER1',
    kind: 'physical',
    label: 'Intruder',
    status: 'blocked',
    command: 'Reset',
    type: 'Hard',
    connectorCount: '1',
    answer: 'accept',
    pricePerKwh: '0.5',
    currency: 'EUR',
  };
  const intruder = await makeUser(db, { emailVerifiedAt: new Date() });
  await makeAccount(db, { owner: intruder });
  signInAs(intruder);
  expect(await db.select().from(cards)).not.toHaveLength(0);
});

describe('a member of another account', () => {
  it('finds the actions to try', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    it(`is refused by every action in ${path.relative(root, file)}`, async () => {
      const actionsModule = (await import(file)) as Record<string, unknown>;
      const actions = Object.entries(actionsModule).filter(([, value]) => typeof value === 'function') as [string, (...args: unknown[]) => Promise<unknown>][];
      expect(actions.length).toBeGreaterThan(0);
      for (const [name, action] of actions) {
        const before = await snapshot(victimAccountId);
        const result = await (action.length === 1 ? action(fields.accountId) : action({ status: 'idle' }, formData(fields))).catch((error: unknown) => ({ thrown: String(error) }));
        if (!SELF_SCOPED.has(path.relative(root, file))) expect(isRefusal(result), `${name}: ${JSON.stringify(result)}`).toBe(true);
        expect(await snapshot(victimAccountId), name).toEqual(before);
      }
    });
  }
});
