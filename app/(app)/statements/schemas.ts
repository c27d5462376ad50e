import { z } from 'zod';
import { accountClaim, blankAsUndefined, emailField, key } from '@/lib/validation';

export const markStatementPaidSchema = accountClaim.extend({ statementId: z.uuid(key('required')) });
export type MarkStatementPaidInput = z.infer<typeof markStatementPaidSchema>;

// Empty takes the address away.
export const reimbursementEmailSchema = accountClaim.extend({ reimbursementEmail: z.preprocess(blankAsUndefined, emailField.optional()) });
export type ReimbursementEmailInput = z.infer<typeof reimbursementEmailSchema>;
