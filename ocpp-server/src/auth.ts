import type { IHandshakeInterface } from 'ocpp-rpc/lib/server-client';
import { IDENTITY_PATTERN } from '../../domain/chargers/identity';
import { verifySecret } from '../../domain/crypto/secret';
import type { Logger } from './logger';
import type { ChargerSession } from './ocpp/rpc';
import type { ChargerLogin, LoginCredential } from '../../domain/data/charger-traffic/chargers';
import { refusalAddress, refusalDetail, type ConnectionRefusal } from '../../domain/chargers/connection-refusals';
import { securityProfileRefusal, usesPassword, type TlsPeer } from '../../domain/chargers/security-profile';
import { tlsPeerOf } from './tls-peer';

// `false`: complete the handshake without a subprotocol.
type Accept = (session: ChargerSession, protocol: string | false) => void;
type Reject = (code: number, message: string) => void;
// The password hash and security profile a session was let in with, so that a later change of either is detected.
type Remember = (session: ChargerSession, credential: LoginCredential) => void;

const ENDPOINT = '/ocpp';

// Runs at the WebSocket upgrade, so a refused charger never gets a socket (OCPP 1.6 Security Profile 1:
// HTTP Basic with the charger's own password; the username is the identity, checked by ocpp-rpc).
// A refusal of a known charger is also told to its owner (refusal-recorder.ts), why and from where.
type OnRefused = (refusal: ConnectionRefusal) => void;
// The charger logged in with the password it was last sent (AuthorizationKey): it replaces the old one.
type OnNextPassword = (chargerId: string, nextPasswordHash: string) => Promise<void>;
// The charger connected meeting the higher security profile it was sent (1.6 SecurityProfile, 2.0.1 network profile):
// it replaces the old one.
type OnRaisedProfile = (chargerId: string, securityProfile: number) => Promise<void>;
type AuthenticatorOptions = {
  findCharger: (identity: string) => Promise<ChargerLogin | null>;
  log: Logger;
  protocols: string[];
  remember: Remember;
  onRefused: OnRefused;
  onNextPassword: OnNextPassword;
  onRaisedProfile: OnRaisedProfile;
};

// The hash the password matches: the current one, or the one sent to the charger and not yet used. A charger
// without a current password (Security Profile 0) is let in without one, as before it was sent a new one.
function matchedPassword(charger: ChargerLogin, password: string | undefined): { hash: string | null } | null {
  if (password && charger.nextPasswordHash && verifySecret(password, charger.nextPasswordHash)) return { hash: charger.nextPasswordHash };
  if (!charger.passwordHash) return { hash: null };
  return password && verifySecret(password, charger.passwordHash) ? { hash: charger.passwordHash } : null;
}

// The profile the connection is checked under: the raised one if it meets it, else the current one (so a charger
// that has not switched yet is still let in, as with a new password).
function raisedProfile(charger: ChargerLogin, peer: TlsPeer, evidence: { identity: string; signedSerial: string | null }) {
  const next = charger.nextSecurityProfile;
  return next !== null && next > charger.securityProfile && !securityProfileRefusal(next, peer, evidence) ? next : null;
}

// A charger keeps the version it was last served in while it offers it (a firmware update adding 2.0.1 does not
// switch it mid-session, renumber its connectors or strand its 1.6 facts); otherwise the server's first preference
// it offers. `false` when it offers none.
function servedProtocol(charger: ChargerLogin, preferred: string[], offered: Set<string>): string | false {
  if (charger.ocppVersion && preferred.includes(charger.ocppVersion) && offered.has(charger.ocppVersion)) return charger.ocppVersion;
  return preferred.find((candidate) => offered.has(candidate)) ?? false;
}

export function createAuthenticator({ findCharger, log, protocols, remember, onRefused, onNextPassword, onRaisedProfile }: AuthenticatorOptions) {
  return async (accept: Accept, reject: Reject, handshake: IHandshakeInterface) => {
    const refuse = (code: number, message: string) => {
      log.warn({ identity: handshake.identity.slice(0, 100), remoteAddress: handshake.remoteAddress, code }, message);
      reject(code, message);
    };
    const tellOwner = (charger: ChargerLogin, reason: ConnectionRefusal['reason'], detail: string | null = null) =>
      onRefused({ chargerId: charger.chargerId, accountId: charger.accountId, reason, remoteAddress: refusalAddress(handshake.remoteAddress), detail });
    try {
      // Only identities the registration form accepts (at most 48 characters, OCPP-J's limit) are looked up:
      // anything else (empty, a decoded '/', control characters, unicode) could never match a charger exactly.
      const charger = IDENTITY_PATTERN.test(handshake.identity) ? await findCharger(handshake.identity) : null;
      if (handshake.endpoint !== ENDPOINT) {
        if (charger) tellOwner(charger, 'unknownPath', refusalDetail(`${handshake.endpoint.replace(/\/$/, '')}/${handshake.identity}`));
        return refuse(404, 'Unknown endpoint');
      }
      if (!IDENTITY_PATTERN.test(handshake.identity)) return refuse(400, 'Invalid charge point identity');
      if (!charger) return refuse(404, 'Unknown charge point');
      const peer = tlsPeerOf(handshake.request);
      const evidence = { identity: handshake.identity, signedSerial: charger.certificateSerial };
      const raised = raisedProfile(charger, peer, evidence);
      const profile = raised ?? charger.securityProfile;
      const profileRefusal = raised ? null : securityProfileRefusal(profile, peer, evidence);
      if (profileRefusal) {
        tellOwner(charger, profileRefusal);
        return refuse(profileRefusal === 'tlsRequired' ? 400 : 401, profileRefusal === 'tlsRequired' ? 'TLS required' : 'Client certificate required');
      }
      const password = handshake.password?.toString('utf8');
      // Profile 3 authenticates by the client certificate alone (security whitepaper §2.4).
      const matched = usesPassword(profile) ? matchedPassword(charger, password) : { hash: charger.passwordHash };
      if (!matched) {
        tellOwner(charger, password ? 'wrongPassword' : 'noPassword');
        return refuse(401, 'Unauthorized');
      }
      // Written before the socket opens: the revocation sweep then finds the charger holding its current password.
      if (matched.hash && matched.hash === charger.nextPasswordHash) await onNextPassword(charger.chargerId, matched.hash);
      if (raised) await onRaisedProfile(charger.chargerId, raised);
      const session: ChargerSession = { chargerId: charger.chargerId, accountId: charger.accountId };
      remember(session, { passwordHash: matched.hash, securityProfile: profile });
      // OCPP-J 1.6 §3.1.2: offered no subprotocol it speaks, the server still completes the handshake, without a
      // Sec-WebSocket-Protocol header, and then closes the connection (the 'client' handler in server.ts).
      accept(session, servedProtocol(charger, protocols, handshake.protocols));
    } catch (error) {
      log.error({ err: error, identity: handshake.identity }, 'charger authentication failed');
      reject(500, 'Internal error');
    }
  };
}
