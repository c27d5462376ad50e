import type { Database } from '../../../db/client';
import { dropNextSecurityProfile, setNextSecurityProfile } from '../../../domain/data/charger-traffic/next-security-profile';
import { RPCError, TimeoutError } from '../ocpp/rpc';
import { callV16 } from '../ocpp/v16';
import { sendNetworkProfile } from './v201/network-profile';

type Caller = Parameters<typeof callV16>[0] & { protocol?: string | null };
type Options = { callTimeoutMs: number; publicUrl: string };

// 1.6 security whitepaper: the SecurityProfile key. 2.0.1 (A05): a new network profile made the one tried first,
// then a restart (v201/network-profile.ts). Either way the answer is read as 1.6's ChangeConfiguration.conf.
function sendProfile(client: Caller, securityProfile: 2 | 3, options: Options) {
  if (client.protocol === 'ocpp2.0.1') return sendNetworkProfile(client, securityProfile, options);
  return callV16(client, 'ChangeConfiguration', { key: 'SecurityProfile', value: String(securityProfile) }, { callTimeoutMs: options.callTimeoutMs });
}

// A charger that takes a higher profile closes its connection and connects again under it. The profile is noted
// before the call, so that a charger reconnecting at once is let in under it (auth.ts) and only then held to it.
// Refused, it is forgotten; unanswered or cut off, the charger may have taken it, and it stays noted while the old
// profile still lets the charger in.
export async function raiseSecurityProfile(db: Database, client: Caller, chargerId: string, securityProfile: 2 | 3, options: Options) {
  await setNextSecurityProfile(db, chargerId, securityProfile);
  try {
    const answer = await sendProfile(client, securityProfile, options);
    if (answer.status === 'Rejected' || answer.status === 'NotSupported') await dropNextSecurityProfile(db, chargerId, securityProfile);
    return answer;
  } catch (error) {
    if (error instanceof RPCError && !(error instanceof TimeoutError)) await dropNextSecurityProfile(db, chargerId, securityProfile);
    throw error;
  }
}
