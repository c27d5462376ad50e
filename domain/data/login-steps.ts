import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginSteps, type LoginStepKind } from '../../db/schema';
import { hashToken, newToken } from '../crypto/token';
import { success, type Result } from './result';

// How long each step waits: a code is typed in seconds, a passkey answered in a minute or two.
export const LOGIN_STEP_SECONDS = 10 * 60;
// Wrong codes one password step allows before the password has to be given again (and counted again).
export const MAX_FAILED_CODES = 5;

const now = sql`now()`;

export type LoginStep = { id: string; kind: LoginStepKind; userId: string | null; webauthnChallenge: string | null; failedCodes: number };

const stepColumns = { id: loginSteps.id, kind: loginSteps.kind, userId: loginSteps.userId, webauthnChallenge: loginSteps.webauthnChallenge, failedCodes: loginSteps.failedCodes };

export async function startLoginStep(
  db: Executor,
  { kind, userId, webauthnChallenge }: { kind: LoginStepKind; userId: string | null; webauthnChallenge?: string },
): Promise<Result<{ token: string }>> {
  const { token, tokenHash } = newToken();
  await db.delete(loginSteps).where(lte(loginSteps.expiresAt, now));
  await db.insert(loginSteps).values({
    kind,
    userId,
    tokenHash,
    webauthnChallenge: webauthnChallenge ?? null,
    expiresAt: sql`now() + make_interval(secs => ${LOGIN_STEP_SECONDS})`,
  });
  return success({ token });
}

export async function getLoginStep(db: Executor, { token, kind }: { token: string; kind: LoginStepKind }): Promise<LoginStep | null> {
  const [row] = await db
    .select(stepColumns)
    .from(loginSteps)
    .where(and(eq(loginSteps.tokenHash, hashToken(token)), eq(loginSteps.kind, kind), gt(loginSteps.expiresAt, now)));
  return row ?? null;
}

// Deletes the step and answers it, once: of two requests with the same token, one gets it.
export async function takeLoginStep(db: Executor, { token, kind }: { token: string; kind: LoginStepKind }): Promise<LoginStep | null> {
  const [row] = await db
    .delete(loginSteps)
    .where(and(eq(loginSteps.tokenHash, hashToken(token)), eq(loginSteps.kind, kind), gt(loginSteps.expiresAt, now)))
    .returning(stepColumns);
  return row ?? null;
}

export async function setWebauthnChallenge(db: Executor, { stepId, challenge }: { stepId: string; challenge: string }) {
  await db.update(loginSteps).set({ webauthnChallenge: challenge }).where(eq(loginSteps.id, stepId));
}

// Counts a wrong code; the step ends at the limit. Answers how many tries are left.
export async function countFailedCode(db: Executor, { stepId }: { stepId: string }): Promise<number> {
  const [row] = await db
    .update(loginSteps)
    .set({ failedCodes: sql`${loginSteps.failedCodes} + 1` })
    .where(eq(loginSteps.id, stepId))
    .returning({ failedCodes: loginSteps.failedCodes });
  const left = MAX_FAILED_CODES - (row?.failedCodes ?? MAX_FAILED_CODES);
  if (left <= 0) await db.delete(loginSteps).where(eq(loginSteps.id, stepId));
  return Math.max(left, 0);
}
