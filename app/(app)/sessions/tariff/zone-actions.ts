'use server';

import { revalidatePath } from 'next/cache';
import { ok } from '@/lib/action-result';
import { setAccountTimeZone } from '@/domain/data/account-time-zone';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { timeZoneSchema } from './schemas';

export const setTimeZoneAction = memberAction(timeZoneSchema, async ({ input, member }) => {
  await setAccountTimeZone(db(), { accountId: member.accountId, timeZone: input.timeZone });
  revalidatePath('/sessions', 'layout');
  return ok(null);
});
