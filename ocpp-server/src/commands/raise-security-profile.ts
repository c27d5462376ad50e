import type { Database } from '../../../db/client';
import { dropNextSecurityProfile, setNextSecurityProfile } from '../../../domain/data/charger-traffic/next-security-profile';
import { RPCError, TimeoutError } from '../ocpp/rpc';
import { callV16 } from '../ocpp/v16';

type Caller = Parameters<typeof callV16>[0];

// 1.6 security whitepaper, SecurityProfile key: a charger that accepts a higher profile closes its connection and
// connects again under it. The profile is noted before the call, so that a charger reconnecting at once is let in
// under it (auth.ts) and only then held to it. Refused, it is forgotten; unanswered or cut off, the charger may have
// taken it, and it stays noted while the old profile still lets the charger in.
export async function raiseSecurityProfile(db: Database, client: Caller, chargerId: string, securityProfile: 2 | 3, { callTimeoutMs }: { callTimeoutMs: number }) {
  await setNextSecurityProfile(db, chargerId, securityProfile);
  try {
    const answer = await callV16(client, 'ChangeConfiguration', { key: 'SecurityProfile', value: String(securityProfile) }, { callTimeoutMs });
    if (answer.status === 'Rejected' || answer.status === 'NotSupported') await dropNextSecurityProfile(db, chargerId, securityProfile);
    return answer;
  } catch (error) {
    if (error instanceof RPCError && !(error instanceof TimeoutError)) await dropNextSecurityProfile(db, chargerId, securityProfile);
    throw error;
  }
}
