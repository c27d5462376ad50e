// Finds every server action by walking app/, and arranges one account with something of every kind
// for them to aim at. Shared by the security tests so that a new action is tried without editing them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Sql } from 'postgres';
import type { Database } from '@/db/client';
import { circuitChargers, circuits, invites, memberships, statements, transactions } from '@/db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { newToken } from '@/domain/crypto/token';
import { formData } from '../support/form';

export const appRoot = path.resolve(import.meta.dirname, '../../app');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

// A module is a set of server actions when its first statement is 'use server'.
export function actionFiles(dir: string): string[] {
  return sourceFiles(dir).filter((file) => /^\s*(['"])use server\1/.test(readFileSync(file, 'utf8')));
}

// Setting the language works signed out (it is a cookie first), and logging out needs no session.
export const NEEDS_NO_SESSION = new Set(['actions/locale.ts', 'actions/logout.ts']);
// These change only the signed-in user's own data (name, password, language, their devices' push, their quiet hours) or end their session.
export const SELF_SCOPED = new Set(['(app)/profile/actions.ts', '(app)/profile/push-actions.ts', '(app)/profile/quiet-hours-actions.ts', '(app)/profile/security/actions.ts', ...NEEDS_NO_SESSION]);

// The first half of a WebAuthn ceremony: they take no input and answer a fresh challenge (or nothing, without a
// login step or a session), so the form-based trials do not apply; tests/auth/passkeys.test.ts holds them.
export const CHALLENGE_ACTIONS = new Set(['passkeyLoginOptionsAction', 'secondFactorPasskeyOptionsAction', 'passkeyEnrolmentOptionsAction']);

export type Action = (...args: unknown[]) => Promise<unknown>;
export type FoundAction = { file: string; name: string; action: Action };

export async function loadActions(files: string[]): Promise<FoundAction[]> {
  const found: FoundAction[] = [];
  for (const file of files) {
    const actions = Object.entries((await import(file)) as Record<string, unknown>).filter(([, value]) => typeof value === 'function');
    for (const [name, action] of actions) found.push({ file: path.relative(appRoot, file), name, action: action as Action });
  }
  return found;
}

// What an action did: its result, where it redirected to (Next throws for that), or what it threw.
export type Outcome = { result: unknown } | { redirectedTo: string } | { thrown: string };

function caught(error: unknown): Outcome {
  const digest = String((error as { digest?: unknown } | null)?.digest ?? '');
  if (digest.startsWith('NEXT_REDIRECT;')) return { redirectedTo: digest.split(';')[2] ?? '' };
  return { thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

// The actions of the signed-in app and the shared ones of app/actions (account switch, language, logout).
export function loadSignedInActions(): Promise<FoundAction[]> {
  return loadActions([...actionFiles(path.join(appRoot, '(app)')), ...actionFiles(path.join(appRoot, 'actions'))]);
}

// A form action takes (previous state, FormData); the others take the one value they are about.
export async function callAction(action: Action, payload: unknown): Promise<Outcome> {
  const args = action.length >= 2 ? [{ status: 'idle' }, payload] : [payload];
  return action(...args).then((result) => ({ result }), caught);
}

export function callWithFields(action: Action, fields: Record<string, string>): Promise<Outcome> {
  return callAction(action, action.length >= 2 ? formData(fields) : (fields.accountId ?? ''));
}

export const LINK_REFUSALS = ['invalid', 'otherUser', 'used', 'expired', 'revoked'];

// An error result the form shows, an answer that the link cannot be used, or the way to the login page.
export function isRefusal(outcome: Outcome): boolean {
  if ('redirectedTo' in outcome) return outcome.redirectedTo.startsWith('/login');
  if (!('result' in outcome)) return false;
  const value = outcome.result as { status?: string; data?: unknown } | undefined;
  return value?.status === 'error' || (value?.status === 'ok' && LINK_REFUSALS.includes(String(value.data)));
}

// The account's own row, every row the account owns (any table with an account_id, its chargers' sessions) and its
// people's own rows, as one comparable value.
export async function accountSnapshot(sql: Sql, { account, userIds }: { account: { id: string }; userIds: string[] }) {
  const accountId = account.id;
  const tables = await sql<{ table_name: string }[]>`select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'account_id' order by table_name`;
  const owned: Record<string, unknown> = {};
  for (const { table_name: table } of tables) {
    const [row] = await sql`select coalesce(json_agg(t order by t::text), '[]') as rows from ${sql(table)} t where t.account_id = ${accountId}`;
    owned[table] = row?.rows;
  }
  const [people] = await sql`select
    (select row_to_json(a) from accounts a where a.id = ${accountId}) as account,
    (select coalesce(json_agg(t order by t.id), '[]') from transactions t join chargers c on c.id = t.charger_id where c.account_id = ${accountId}) as transactions,
    (select coalesce(json_agg(u order by u.id), '[]') from users u where u.id = any(${userIds}::uuid[])) as users,
    (select coalesce(json_agg(t order by t.id), '[]') from tokens t where t.user_id = any(${userIds}::uuid[])) as tokens`;
  return { ...owned, ...people };
}

// One account with an owner, a member, a charger (in a circuit), a card, a session and a pending invite, and the
// form fields that name them. `fields` is what a form of this account would submit.
export async function makeTargetAccount(db: Database, { isChargerOnline = false } = {}) {
  const verified = { emailVerifiedAt: new Date() };
  const owner = await makeUser(db, verified);
  const member = await makeUser(db, verified);
  const invitee = await makeUser(db, verified);
  const account = await makeAccount(db, { owner });
  await db.insert(memberships).values({ accountId: account.id, userId: member.id, role: 'member' });
  const charger = await makeCharger(db, { accountId: account.id, isOnline: isChargerOnline });
  const card = await makeCard(db, { accountId: account.id, userId: member.id });
  const [invite] = await db
    .insert(invites)
    .values({ accountId: account.id, invitedUserId: invitee.id, email: invitee.email, invitedBy: owner.id, tokenHash: newToken().tokenHash, expiresAt: new Date(Date.now() + 3600_000) })
    .returning();
  const [session] = await db
    .insert(transactions)
    .values({ chargerId: charger.id, accountId: account.id, connectorId: 1, cardId: card.id, userId: member.id, idTag: card.idTag, authorizationStatus: 'Accepted', meterStartWh: 0, startedAt: new Date() })
    .returning();
  // A due statement of the member's: Pay and Refund aim at it.
  const [statement] = await db
    .insert(statements)
    .values({ accountId: account.id, userId: member.id, periodStart: '2026-10-01', periodEnd: '2026-11-01', sessionCount: 1, energyWh: 5000, amount: '1.50', currency: 'EUR', transferReference: `CW-${charger.id.slice(0, 12)}` })
    .returning();
  const [circuit] = await db.insert(circuits).values({ accountId: account.id, name: 'Garage', capacityA: 32 }).returning();
  await db.insert(circuitChargers).values({ chargerId: charger.id, accountId: account.id, circuitId: circuit!.id });
  const fields: Record<string, string> = {
    accountId: account.id,
    chargerId: charger.id,
    cardId: card.id,
    inviteId: invite!.id,
    userId: member.id,
    transactionId: String(session!.id),
    statementId: statement!.id,
    connectorId: '1',
    email: (await makeUser(db, verified)).email,
    name: 'Intruder was here',
    identity: `INTRUDER-${charger.id.slice(0, 8)}`,
    idTag: `X${charger.id.slice(0, 8)}`,
    kind: 'physical',
    label: 'Intruder',
    status: 'blocked',
    command: 'Reset',
    type: 'Hard',
    connectorCount: '1',
    answer: 'accept',
    pricePerKwh: '0.5',
    currency: 'EUR',
    token: 'not-a-real-token',
    maxPowerKw: '7',
    from0: '23:00',
    to0: '07:00',
    day0_0: 'on',
    reimbursementEmail: 'intruder@example.test',
    circuitId: circuit!.id,
    capacityA: '16',
    minCurrentA: '6',
    [`charger_${charger.id}`]: 'on',
  };
  return { account, owner, member, invitee, charger, card, invite: invite!, session: session!, statement: statement!, fields, userIds: [owner.id, member.id, invitee.id] };
}
export type TargetAccount = Awaited<ReturnType<typeof makeTargetAccount>>;
