'use server';

import { revalidatePath } from 'next/cache';
import { fail, ok } from '@/lib/action-result';
import { setSecurityProfile } from '@/domain/data/chargers';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { securityProfileSchema } from './security-schemas';

export const setSecurityProfileAction = memberAction(securityProfileSchema, async ({ input, member }) => {
  const result = await setSecurityProfile(db(), { accountId: member.accountId, chargerId: input.chargerId, securityProfile: input.securityProfile });
  if (!result.ok) return fail('notFound');
  revalidatePath('/chargers/[chargerId]', 'page');
  return ok(null);
});
