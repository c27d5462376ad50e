import 'server-only';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type VerifyAuthenticationResponseOpts,
  type VerifyRegistrationResponseOpts,
} from '@simplewebauthn/server';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { appUrl } from '@/lib/config';
import { getLoginStep, setWebauthnChallenge, startLoginStep, takeLoginStep } from '@/domain/data/login-steps';
import { failure, success, type Result } from '@/domain/data/result';
import {
  addPasskey,
  getPasskeyByCredentialId,
  getSecondFactors,
  listPasskeyCredentials,
  recordPasskeyUse,
  replaceRecoveryCodes,
  type StoredPasskey,
} from '@/domain/data/two-factor';
import { finishSecondFactorStep, grantLogin, type LoginGrant } from './login-steps';

export type RegistrationOptions = Awaited<ReturnType<typeof generateRegistrationOptions>>;
export type AuthenticationOptions = Awaited<ReturnType<typeof generateAuthenticationOptions>>;
type RegistrationResponse = VerifyRegistrationResponseOpts['response'];
type AuthenticationResponse = VerifyAuthenticationResponseOpts['response'];

// The site a passkey belongs to is the platform's own address (APP_URL), never the request's Host header. Browsers
// offer passkeys only to https sites and to localhost.
function relyingParty() {
  const url = new URL(appUrl());
  return { rpID: url.hostname, origin: url.origin, rpName: 'Chargewatch' };
}

// What a browser sends back is only checked for its outline here; @simplewebauthn verifies the rest.
const credentialShape = z.looseObject({ id: z.string().min(1).max(1024), rawId: z.string().max(1024), type: z.literal('public-key'), response: z.looseObject({}) });

export function parseCredential<T>(json: string): T | null {
  try {
    const parsed = credentialShape.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as T) : null;
  } catch {
    return null;
  }
}

const descriptor = (passkey: StoredPasskey) => ({
  id: Buffer.from(passkey.credentialId, 'base64url'),
  type: 'public-key' as const,
  transports: passkey.transports as AuthenticatorTransport[],
});

// --- Adding a passkey to one's account ---

export async function passkeyEnrolmentOptions(db: Executor, user: { id: string; email: string; name: string }): Promise<{ options: RegistrationOptions; token: string }> {
  const { rpID, rpName } = relyingParty();
  const existing = await listPasskeyCredentials(db, { userId: user.id });
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userID: user.id,
    userName: user.email,
    userDisplayName: user.name,
    attestationType: 'none',
    excludeCredentials: existing.map(descriptor),
    // A discoverable credential, so that it can log in without the e-mail being typed.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const { token } = (await startLoginStep(db, { kind: 'passkeyEnrolment', userId: user.id, webauthnChallenge: options.challenge })).value;
  return { options, token };
}

export type PasskeyEnrolment = { recoveryCodes: string[] | null };

// A first second factor comes with the ten recovery codes, shown this once.
export async function addPasskeyFromResponse(
  db: Executor,
  { userId, token, response, name }: { userId: string; token: string; response: RegistrationResponse; name: string },
): Promise<Result<PasskeyEnrolment, 'passkeyRefused' | 'alreadyAdded'>> {
  const step = await takeLoginStep(db, { token, kind: 'passkeyEnrolment' });
  if (!step || step.userId !== userId || !step.webauthnChallenge) return failure('passkeyRefused');
  const { rpID, origin } = relyingParty();
  const verification = await verifyRegistrationResponse({ response, expectedChallenge: step.webauthnChallenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true }).catch(
    () => null,
  );
  const info = verification?.verified ? verification.registrationInfo : undefined;
  if (!info) return failure('passkeyRefused');
  const before = await getSecondFactors(db, { userId });
  const added = await addPasskey(db, {
    userId,
    credentialId: Buffer.from(info.credentialID).toString('base64url'),
    publicKey: Buffer.from(info.credentialPublicKey),
    signCount: info.counter,
    transports: response.response.transports ?? [],
    name,
  });
  if (!added.ok) return added;
  const isFirstFactor = !before.hasAuthenticator && before.passkeyCount === 0;
  return success({ recoveryCodes: isFirstFactor ? (await replaceRecoveryCodes(db, { userId })).value.codes : null });
}

// --- Logging in with a passkey ---

async function verifyAssertion(db: Executor, passkey: StoredPasskey, response: AuthenticationResponse, challenge: string, requireUserVerification: boolean): Promise<boolean> {
  const { rpID, origin } = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification,
    authenticator: {
      credentialID: Buffer.from(passkey.credentialId, 'base64url'),
      credentialPublicKey: passkey.publicKey,
      counter: passkey.signCount,
      transports: passkey.transports as AuthenticatorTransport[],
    },
  }).catch(() => null);
  if (!verification?.verified) return false;
  await recordPasskeyUse(db, { id: passkey.id, signCount: verification.authenticationInfo.newCounter });
  return true;
}

// Without a password: the browser offers the site's passkeys, the one chosen names its user. User verification (a PIN
// or a fingerprint on the device) is required, so the passkey is both factors at once.
export async function passkeyLoginOptions(db: Executor): Promise<{ options: AuthenticationOptions; token: string }> {
  const { rpID } = relyingParty();
  const options = await generateAuthenticationOptions({ rpID, userVerification: 'required', allowCredentials: [] });
  const { token } = (await startLoginStep(db, { kind: 'passkeyLogin', userId: null, webauthnChallenge: options.challenge })).value;
  return { options, token };
}

export async function loginWithPasskey(db: Executor, { token, response }: { token: string; response: AuthenticationResponse }): Promise<Result<LoginGrant, 'passkeyRefused'>> {
  const step = await takeLoginStep(db, { token, kind: 'passkeyLogin' });
  const passkey = await getPasskeyByCredentialId(db, { credentialId: response.id });
  if (!step?.webauthnChallenge || !passkey) return failure('passkeyRefused');
  if (!(await verifyAssertion(db, passkey, response, step.webauthnChallenge, true))) return failure('passkeyRefused');
  return success(await grantLogin(db, { userId: passkey.userId }));
}

// As the second factor, after the password: only the user's own passkeys are asked for.
export async function secondFactorPasskeyOptions(db: Executor, { token }: { token: string }): Promise<AuthenticationOptions | null> {
  const step = await getLoginStep(db, { token, kind: 'secondFactor' });
  if (!step?.userId) return null;
  const { rpID } = relyingParty();
  const credentials = await listPasskeyCredentials(db, { userId: step.userId });
  const options = await generateAuthenticationOptions({ rpID, userVerification: 'preferred', allowCredentials: credentials.map(descriptor) });
  await setWebauthnChallenge(db, { stepId: step.id, challenge: options.challenge });
  return options;
}

export async function proveLoginPasskey(db: Executor, { token, response }: { token: string; response: AuthenticationResponse }): Promise<Result<LoginGrant, 'passkeyRefused' | 'stepExpired'>> {
  const step = await getLoginStep(db, { token, kind: 'secondFactor' });
  if (!step?.userId) return failure('stepExpired');
  const passkey = await getPasskeyByCredentialId(db, { credentialId: response.id });
  if (!step.webauthnChallenge || passkey?.userId !== step.userId) return failure('passkeyRefused');
  if (!(await verifyAssertion(db, passkey, response, step.webauthnChallenge, false))) return failure('passkeyRefused');
  return finishSecondFactorStep(db, token);
}
