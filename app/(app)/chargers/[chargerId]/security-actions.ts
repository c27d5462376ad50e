'use server';

import { revalidatePath } from 'next/cache';
import { fail, fieldError, ok } from '@/lib/action-result';
import { getChargerCertificateState } from '@/domain/data/charger-certificates';
import { setSecurityProfile } from '@/domain/data/chargers';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { securityProfileSchema } from './security-schemas';

// Profile 3 only once the platform holds a valid certificate it signed for the charger: saving it closes the
// charger's socket, and without one the charger could never come back to ask for it.
export const setSecurityProfileAction = memberAction(securityProfileSchema, async ({ input, member, values }) => {
  const target = { accountId: member.accountId, chargerId: input.chargerId };
  if (input.securityProfile === 3) {
    const state = await getChargerCertificateState(db(), target);
    if (!state) return fail('notFound');
    if (!state.certificate || state.certificate.notAfter <= new Date()) return fieldError('securityProfile', 'securityProfileNeedsCertificate', values);
  }
  const result = await setSecurityProfile(db(), { ...target, securityProfile: input.securityProfile });
  if (!result.ok) return fail('notFound');
  revalidatePath('/chargers/[chargerId]', 'page');
  return ok(null);
});
