import 'server-only';
import QRCode from 'qrcode';
import type { Executor } from '@/db/client';
import { normalizeRecoveryCode } from '@/domain/crypto/recovery-codes';
import { secretBoxKey, seal, unseal } from '@/domain/crypto/secret-box';
import { matchTotp, newTotpSecret, totpUri } from '@/domain/crypto/totp';
import { failure, success, type Result } from '@/domain/data/result';
import {
  getAuthenticator,
  getSecondFactors,
  removeAuthenticator,
  removeRecoveryCodes,
  replaceRecoveryCodes,
  startAuthenticatorEnrolment,
  recordAuthenticatorStep,
  spendRecoveryCode,
} from '@/domain/data/two-factor';

const ISSUER = 'Chargewatch';

function sealingKey(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set');
  return secretBoxKey(secret, 'totp-secret');
}

export type Enrolment = { secret: string; uri: string; qrSvg: string };

// A new secret for the user's authenticator app, shown as a QR code and as text, until a code from the app confirms it.
export async function startEnrolment(db: Executor, user: { id: string; email: string }): Promise<Result<Enrolment, 'alreadyEnabled'>> {
  const secret = newTotpSecret();
  const started = await startAuthenticatorEnrolment(db, { userId: user.id, sealedSecret: seal(secret, sealingKey()) });
  if (!started.ok) return started;
  const uri = totpUri({ secret, issuer: ISSUER, accountName: user.email });
  // Drawn on the server as SVG: nothing about the secret leaves for a QR service, and no script draws it.
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return success({ secret, uri, qrSvg });
}

async function matchAuthenticatorCode(db: Executor, { userId, code, confirm }: { userId: string; code: string; confirm: boolean }): Promise<boolean> {
  const authenticator = await getAuthenticator(db, { userId });
  if (!authenticator || (!confirm && !authenticator.confirmedAt)) return false;
  const secret = unseal(authenticator.sealedSecret, sealingKey());
  if (!secret) return false;
  const step = matchTotp(secret, code, { at: new Date(), lastUsedStep: authenticator.lastUsedStep });
  return step !== null && recordAuthenticatorStep(db, { userId, step, confirm });
}

// The first code from the app turns it on and answers the ten recovery codes, shown this once.
export async function confirmEnrolment(db: Executor, { userId, code }: { userId: string; code: string }): Promise<Result<{ codes: string[] }, 'wrongCode'>> {
  if (!(await matchAuthenticatorCode(db, { userId, code: code.replace(/\s/g, ''), confirm: true }))) return failure('wrongCode');
  return replaceRecoveryCodes(db, { userId });
}

export type SecondFactorProof = 'authenticator' | 'recoveryCode';

// A code from the app, or one of the recovery codes (used up by this). Anything else proves nothing.
export async function proveSecondFactor(db: Executor, { userId, code }: { userId: string; code: string }): Promise<SecondFactorProof | null> {
  const digits = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits)) return (await matchAuthenticatorCode(db, { userId, code: digits, confirm: false })) ? 'authenticator' : null;
  const recoveryCode = normalizeRecoveryCode(code);
  return recoveryCode && (await spendRecoveryCode(db, { userId, code: recoveryCode })) ? 'recoveryCode' : null;
}

// Recovery codes stand in for a second factor; with none left, they go too.
export async function turnOffAuthenticator(db: Executor, { userId }: { userId: string }) {
  await removeAuthenticator(db, { userId });
  await forgetRecoveryCodesIfUnused(db, { userId });
}

export async function forgetRecoveryCodesIfUnused(db: Executor, { userId }: { userId: string }) {
  const factors = await getSecondFactors(db, { userId });
  if (!factors.hasAuthenticator && factors.passkeyCount === 0) await removeRecoveryCodes(db, { userId });
}
