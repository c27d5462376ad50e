import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts, memberships, passkeys, recoveryCodes, totpAuthenticators } from '../../db/schema';
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from '../crypto/recovery-codes';
import { done, failure, success, type Result } from './result';

type UserScope = { userId: string };

export type SecondFactors = { hasAuthenticator: boolean; passkeyCount: number; recoveryCodesLeft: number };

// A confirmed authenticator app or any passkey is a second factor; recovery codes only stand in for a lost one.
export const hasSecondFactorSql = (userId: unknown) => sql<boolean>`(
  exists (select 1 from ${totpAuthenticators} ta where ta.user_id = ${userId} and ta.confirmed_at is not null)
  or exists (select 1 from ${passkeys} pk where pk.user_id = ${userId}))`;

// True where an account requires two-factor and the user has none yet: such a member is sent to set one up before
// anything of that account opens.
export const twoFactorMissingSql = (requireTwoFactor: unknown, userId: unknown) => sql<boolean>`(${requireTwoFactor} and not ${hasSecondFactorSql(userId)})`;

export async function getSecondFactors(db: Executor, { userId }: UserScope): Promise<SecondFactors> {
  const [row] = await db.execute<{ has_authenticator: boolean; passkey_count: number; recovery_codes_left: number }>(sql`select
    exists (select 1 from ${totpAuthenticators} where user_id = ${userId} and confirmed_at is not null) as has_authenticator,
    (select count(*)::int from ${passkeys} where user_id = ${userId}) as passkey_count,
    (select count(*)::int from ${recoveryCodes} where user_id = ${userId} and used_at is null) as recovery_codes_left`);
  return { hasAuthenticator: row?.has_authenticator ?? false, passkeyCount: row?.passkey_count ?? 0, recoveryCodesLeft: row?.recovery_codes_left ?? 0 };
}

export function hasSecondFactor(factors: SecondFactors): boolean {
  return factors.hasAuthenticator || factors.passkeyCount > 0;
}

// --- Authenticator app ---

export async function getAuthenticator(db: Executor, { userId }: UserScope) {
  const [row] = await db
    .select({ sealedSecret: totpAuthenticators.sealedSecret, confirmedAt: totpAuthenticators.confirmedAt, lastUsedStep: totpAuthenticators.lastUsedStep })
    .from(totpAuthenticators)
    .where(eq(totpAuthenticators.userId, userId));
  return row ?? null;
}

// A new enrolment replaces an unconfirmed one; a confirmed authenticator has to be removed first.
export async function startAuthenticatorEnrolment(db: Executor, { userId, sealedSecret }: UserScope & { sealedSecret: string }): Promise<Result<null, 'alreadyEnabled'>> {
  const [row] = await db
    .insert(totpAuthenticators)
    .values({ userId, sealedSecret })
    .onConflictDoUpdate({ target: totpAuthenticators.userId, set: { sealedSecret, createdAt: sql`now()` }, setWhere: isNull(totpAuthenticators.confirmedAt) })
    .returning({ userId: totpAuthenticators.userId });
  return row ? done : failure('alreadyEnabled');
}

// Records the step of a code just accepted, only if no later code was used meanwhile: of two requests with the
// same code, one wins.
export async function recordAuthenticatorStep(db: Executor, { userId, step, confirm }: UserScope & { step: number; confirm: boolean }): Promise<boolean> {
  const [row] = await db
    .update(totpAuthenticators)
    .set({ lastUsedStep: step, ...(confirm ? { confirmedAt: sql`coalesce(${totpAuthenticators.confirmedAt}, now())` } : {}) })
    .where(
      and(
        eq(totpAuthenticators.userId, userId),
        sql`coalesce(${totpAuthenticators.lastUsedStep}, -1) < ${step}`,
        confirm ? sql`true` : isNotNull(totpAuthenticators.confirmedAt),
      ),
    )
    .returning({ userId: totpAuthenticators.userId });
  return row !== undefined;
}

export async function removeAuthenticator(db: Executor, { userId }: UserScope): Promise<Result> {
  await db.delete(totpAuthenticators).where(eq(totpAuthenticators.userId, userId));
  return done;
}

// --- Recovery codes ---

// Ten new codes replace every earlier one; the codes themselves are answered this once.
export async function replaceRecoveryCodes(db: Executor, { userId }: UserScope): Promise<Result<{ codes: string[] }>> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  });
  return success({ codes });
}

// Marks the code used, once; a used or unknown code is refused.
export async function spendRecoveryCode(db: Executor, { userId, code }: UserScope & { code: string }): Promise<boolean> {
  const [row] = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return row !== undefined;
}

export async function removeRecoveryCodes(db: Executor, { userId }: UserScope): Promise<Result> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  return done;
}

// --- Passkeys ---

export type StoredPasskey = { id: string; userId: string; credentialId: string; publicKey: Buffer; signCount: number; transports: string[] };

const storedPasskeyColumns = {
  id: passkeys.id,
  userId: passkeys.userId,
  credentialId: passkeys.credentialId,
  publicKey: passkeys.publicKey,
  signCount: passkeys.signCount,
  transports: passkeys.transports,
};

export async function listPasskeys(db: Executor, { userId }: UserScope) {
  return db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
}

export async function listPasskeyCredentials(db: Executor, { userId }: UserScope): Promise<StoredPasskey[]> {
  return db.select(storedPasskeyColumns).from(passkeys).where(eq(passkeys.userId, userId));
}

export async function getPasskeyByCredentialId(db: Executor, { credentialId }: { credentialId: string }): Promise<StoredPasskey | null> {
  const [row] = await db.select(storedPasskeyColumns).from(passkeys).where(eq(passkeys.credentialId, credentialId));
  return row ?? null;
}

export async function addPasskey(
  db: Executor,
  passkey: UserScope & { credentialId: string; publicKey: Buffer; signCount: number; transports: string[]; name: string },
): Promise<Result<null, 'alreadyAdded'>> {
  const [row] = await db.insert(passkeys).values(passkey).onConflictDoNothing({ target: passkeys.credentialId }).returning({ id: passkeys.id });
  return row ? done : failure('alreadyAdded');
}

export async function recordPasskeyUse(db: Executor, { id, signCount }: { id: string; signCount: number }): Promise<Result> {
  await db.update(passkeys).set({ signCount, lastUsedAt: sql`now()` }).where(eq(passkeys.id, id));
  return done;
}

export async function removePasskey(db: Executor, { userId, passkeyId }: UserScope & { passkeyId: string }): Promise<Result<null, 'notFound'>> {
  const [row] = await db.delete(passkeys).where(and(eq(passkeys.userId, userId), eq(passkeys.id, passkeyId))).returning({ id: passkeys.id });
  return row ? done : failure('notFound');
}

// --- An account's rule ---

export async function getAccountRequiresTwoFactor(db: Executor, { accountId }: { accountId: string }): Promise<boolean> {
  const [row] = await db.select({ requireTwoFactor: accounts.requireTwoFactor }).from(accounts).where(eq(accounts.id, accountId));
  return row?.requireTwoFactor ?? false;
}

// Whether any account the user belongs to requires two-factor: then their last factor stays until another replaces it.
export async function isTwoFactorRequiredOfUser(db: Executor, { userId }: UserScope): Promise<boolean> {
  const [row] = await db.execute<{ required: boolean }>(sql`select exists (select 1 from ${memberships} m join ${accounts} a on a.id = m.account_id
    where m.user_id = ${userId} and a.require_two_factor) as required`);
  return row?.required ?? false;
}

export async function setAccountRequiresTwoFactor(db: Executor, { accountId, required }: { accountId: string; required: boolean }): Promise<Result> {
  await db.update(accounts).set({ requireTwoFactor: required }).where(eq(accounts.id, accountId));
  return done;
}
