import { z } from 'zod';
import { accountClaim, emailField, key, nameField } from '@/lib/validation';

export const inviteUserSchema = accountClaim.extend({ email: emailField });
export const inviteClaim = accountClaim.extend({ inviteId: z.uuid(key('required')) });
export const memberClaim = accountClaim.extend({ userId: z.uuid(key('required')) });
export const requireTwoFactorClaim = accountClaim.extend({ required: z.enum(['true', 'false']).transform((value) => value === 'true') });
export const renameAccountSchema = accountClaim.extend({ name: nameField });
