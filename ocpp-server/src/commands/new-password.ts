import { randomBytes } from 'node:crypto';
import type { Database } from '../../../db/client';
import { hashSecret } from '../../../domain/crypto/secret';
import { dropNextPasswordHash, setNextPasswordHash } from '../../../domain/data/charger-traffic/next-password';
import { RPCError, TimeoutError } from '../ocpp/rpc';
import { callV16 } from '../ocpp/v16';
import { callV201, type SetVariableStatusEnumType } from '../ocpp/v201';

type Caller = Parameters<typeof callV16>[0] & { protocol?: string | null };
type Answer = { status: 'Accepted' | 'Rejected' | 'RebootRequired' | 'NotSupported' };

// 40 hex characters: the longest AuthorizationKey the 1.6 Security Whitepaper allows (and the longest
// BasicAuthPassword 2.0.1 allows), and plain ASCII any charger's Basic auth can send.
function newPassword() {
  return randomBytes(20).toString('hex');
}

// 2.0.1 SetVariables answers per variable; a station that has no such component, variable or attribute does not
// support the change, as a 1.6 charger that does not know the key.
const AS_16: Record<SetVariableStatusEnumType, Answer['status']> = {
  Accepted: 'Accepted',
  RebootRequired: 'RebootRequired',
  Rejected: 'Rejected',
  UnknownComponent: 'NotSupported',
  UnknownVariable: 'NotSupported',
  NotSupportedAttributeType: 'NotSupported',
};

// 1.6 security whitepaper: ChangeConfiguration AuthorizationKey. 2.0.1 (A01): SetVariables of
// SecurityCtrlr.BasicAuthPassword. Either way the answer is read as 1.6's ChangeConfiguration.conf.
async function sendPassword(client: Caller, password: string, options: { callTimeoutMs: number }): Promise<Answer> {
  if (client.protocol !== 'ocpp2.0.1') return callV16(client, 'ChangeConfiguration', { key: 'AuthorizationKey', value: password }, options);
  const setVariableData = [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: password }];
  const { setVariableResult } = await callV201(client, 'SetVariables', { setVariableData }, options);
  const result = setVariableResult.find((entry) => entry.component.name === 'SecurityCtrlr' && entry.variable.name === 'BasicAuthPassword');
  return { status: result ? AS_16[result.attributeStatus] : 'Rejected' };
}

// Sends the charger a new password. The hash is stored before the call, so that a charger that takes it and
// reconnects at once is let in; it replaces the old password only once the charger logs in with it (auth.ts).
// Refused, the password is forgotten; unanswered or cut off, the charger may hold it, and it stays valid.
export async function sendNewPassword(db: Database, client: Caller, chargerId: string, { callTimeoutMs }: { callTimeoutMs: number }) {
  const password = newPassword();
  const hash = hashSecret(password);
  await setNextPasswordHash(db, chargerId, hash);
  try {
    const answer = await sendPassword(client, password, { callTimeoutMs });
    if (answer.status === 'Rejected' || answer.status === 'NotSupported') await dropNextPasswordHash(db, chargerId, hash);
    return answer;
  } catch (error) {
    if (error instanceof RPCError && !(error instanceof TimeoutError)) await dropNextPasswordHash(db, chargerId, hash);
    throw error;
  }
}
