import 'server-only';
import type { Executor } from '@/db/client';
import type { TokenPurpose } from '@/db/schema';
import { getLastTokenIssuedAt, issueToken, retireOtherTokens, withdrawToken } from '@/domain/data/tokens';
import { answerAlike } from '@/lib/email/send';

const COOLDOWN_MS = 60_000;

type Recipient = { id: string; email: string };

export type TokenMailing = 'sent' | 'coolingDown' | 'undelivered';

// Mails a fresh link of this purpose, at most once a minute per user. Once the e-mail has gone out, the user's
// earlier unused links of the same purpose are retired; should it not go out, the new token is withdrawn instead
// (nobody holds it, and it must not count as a recent request that holds back the next one), the link from the
// last e-mail still works, and the error goes on to answerAlike.
export async function mailFreshToken(db: Executor, { user, purpose, send }: { user: Recipient; purpose: TokenPurpose; send: (token: string) => Promise<void> }): Promise<TokenMailing> {
  const last = await getLastTokenIssuedAt(db, { userId: user.id, purpose });
  if (last && Date.now() - last.getTime() < COOLDOWN_MS) return 'coolingDown';
  const scope = { userId: user.id, purpose };
  const { token } = (await issueToken(db, scope)).value;
  try {
    await send(token);
  } catch (error) {
    await withdrawToken(db, { token });
    answerAlike(error);
    return 'undelivered';
  }
  await retireOtherTokens(db, { ...scope, token });
  return 'sent';
}
