import { z } from 'zod';
import { accountClaim, emailField, key, nameField } from '@/lib/validation';
import { checkGuestEnd, grantOf, grantShape, withChargerIds } from './grant-schema';

export const inviteUserSchema = z.preprocess(
  withChargerIds,
  accountClaim
    .extend({ email: emailField, ...grantShape })
    .superRefine(checkGuestEnd)
    .transform((input) => ({ accountId: input.accountId, email: input.email, grant: grantOf(input) })),
);
export const inviteClaim = accountClaim.extend({ inviteId: z.uuid(key('required')) });
export const memberClaim = accountClaim.extend({ userId: z.uuid(key('required')) });
export const changeRoleSchema = z.preprocess(
  withChargerIds,
  memberClaim
    .extend(grantShape)
    .superRefine(checkGuestEnd)
    .transform((input) => ({ accountId: input.accountId, userId: input.userId, grant: grantOf(input) })),
);
export const requireTwoFactorClaim = accountClaim.extend({ required: z.enum(['true', 'false']).transform((value) => value === 'true') });
export const renameAccountSchema = accountClaim.extend({ name: nameField });
