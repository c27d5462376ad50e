import { randomBytes } from 'node:crypto';
import type { Database } from '../../../db/client';
import { hashSecret } from '../../../domain/crypto/secret';
import { dropNextPasswordHash, setNextPasswordHash } from '../../../domain/data/charger-traffic/next-password';
import { RPCError, TimeoutError } from '../ocpp/rpc';
import { callV16 } from '../ocpp/v16';

type Caller = Parameters<typeof callV16>[0];

// 40 hex characters: the longest AuthorizationKey the 1.6 Security Whitepaper allows, and plain ASCII any
// charger's Basic auth can send.
function newPassword() {
  return randomBytes(20).toString('hex');
}

// Sends the charger a new password as its AuthorizationKey. The hash is stored before the call, so that a charger
// that takes the key and reconnects at once is let in; it replaces the old password only once the charger logs in
// with it (auth.ts). Refused, the key is forgotten; unanswered or cut off, the charger may hold it, and it stays valid.
export async function sendNewPassword(db: Database, client: Caller, chargerId: string, { callTimeoutMs }: { callTimeoutMs: number }) {
  const password = newPassword();
  const hash = hashSecret(password);
  await setNextPasswordHash(db, chargerId, hash);
  try {
    const answer = await callV16(client, 'ChangeConfiguration', { key: 'AuthorizationKey', value: password }, { callTimeoutMs });
    if (answer.status === 'Rejected' || answer.status === 'NotSupported') await dropNextPasswordHash(db, chargerId, hash);
    return answer;
  } catch (error) {
    if (error instanceof RPCError && !(error instanceof TimeoutError)) await dropNextPasswordHash(db, chargerId, hash);
    throw error;
  }
}
