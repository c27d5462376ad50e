'use server';

import { revalidatePath } from 'next/cache';
import { ok } from '@/lib/action-result';
import { setOneSessionPerCard } from '@/domain/data/card-rules';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { accountClaim, checkboxField } from '@/lib/validation';

const cardRulesSchema = accountClaim.extend({ isOneSessionPerCard: checkboxField });

export const updateCardRulesAction = memberAction(cardRulesSchema, async ({ input, member }) => {
  await setOneSessionPerCard(db(), { accountId: member.accountId, isOneSessionPerCard: input.isOneSessionPerCard });
  revalidatePath('/cards');
  return ok(null);
});
