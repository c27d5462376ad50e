'use server';

import { revalidatePath } from 'next/cache';
import { fail, ok } from '@/lib/action-result';
import { markStatementPaid } from '@/domain/data/issued-statements';
import { setReimbursementEmail } from '@/domain/data/statement-holders';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { markStatementPaidSchema, reimbursementEmailSchema } from './schemas';

// Manual settlement: an owner or co-owner saw the transfer arrive.
export const markStatementPaidAction = memberAction(
  markStatementPaidSchema,
  async ({ input, member }) => {
    const result = await markStatementPaid(db(), { accountId: member.accountId, statementId: input.statementId, markedBy: member.userId });
    if (!result.ok) return fail(result.reason === 'notDue' ? 'statementNotDue' : 'notFound');
    revalidatePath('/statements', 'layout');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);

// A member's own choice, drivers and guests included: where their monthly statements go as well.
export const setReimbursementEmailAction = memberAction(
  reimbursementEmailSchema,
  async ({ input, member }) => {
    await setReimbursementEmail(db(), { accountId: member.accountId, userId: member.userId, email: input.reimbursementEmail ?? null });
    revalidatePath('/statements', 'layout');
    return ok(null);
  },
  { permission: 'charge' },
);
