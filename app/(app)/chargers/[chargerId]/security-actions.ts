'use server';

import { revalidatePath } from 'next/cache';
import { fail, fieldError, ok } from '@/lib/action-result';
import { ocppPublicUrl } from '@/lib/config';
import { sendCommand, type CommandOutcome } from '@/domain/commands/send';
import { getChargerCertificateState } from '@/domain/data/charger-certificates';
import { setSecurityProfile } from '@/domain/data/chargers';
import { lacksSecurityExtension } from '@/domain/data/security-extension';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { securityProfileSchema } from './security-schemas';

const RAISE_WAIT_MS = 8_000;

// unchanged: nothing to do; sent: the charger was asked to switch (its answer in status); saved: the platform's side
// changed at once (a lower profile, which OCPP may not push, or a charger that cannot be asked now).
export type SecurityProfileReply = { outcome: 'unchanged' } | { outcome: 'saved' } | { outcome: 'sent'; status: CommandOutcome['status'] };

export const setSecurityProfileAction = memberAction<typeof securityProfileSchema, SecurityProfileReply>(securityProfileSchema, async ({ input, member, values }) => {
  const target = { accountId: member.accountId, chargerId: input.chargerId };
  const state = await getChargerCertificateState(db(), target);
  if (!state) return fail('notFound');
  const wanted = input.securityProfile;
  if (wanted === state.securityProfile) return ok({ outcome: 'unchanged' });
  // Profiles 2 and 3 need TLS at the OCPP server; chargers are told the public address, so a plain one would lock
  // the charger out for good.
  if (wanted >= 2 && !ocppPublicUrl().startsWith('wss://')) return fieldError('securityProfile', 'securityProfileNeedsTls', values);
  // Without a valid certificate the platform signed, a profile 3 charger could never come back to ask for one.
  if (wanted === 3 && (!state.certificate || state.certificate.notAfter <= new Date())) return fieldError('securityProfile', 'securityProfileNeedsCertificate', values);
  // A higher profile is pushed to a connected charger (1.6: its SecurityProfile key; 2.0.1: a new network profile)
  // and takes effect when the charger reconnects meeting it; lowering it is never done over OCPP.
  if (wanted !== 1 && wanted > state.securityProfile && state.isOnline && !(await lacksSecurityExtension(db(), target))) {
    const sent = await sendCommand(db(), { ...target, action: 'RaiseSecurityProfile', payload: { securityProfile: wanted }, requestedBy: member.userId }, { waitMs: RAISE_WAIT_MS });
    if (!sent.ok) return fail('notFound');
    revalidatePath('/chargers/[chargerId]', 'page');
    return ok({ outcome: 'sent', status: sent.value.status });
  }
  const result = await setSecurityProfile(db(), { ...target, securityProfile: wanted });
  if (!result.ok) return fail('notFound');
  revalidatePath('/chargers/[chargerId]', 'page');
  return ok({ outcome: 'saved' });
});
