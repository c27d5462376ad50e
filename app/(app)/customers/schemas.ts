import { z } from 'zod';
import { emailField } from '@/lib/validation';

export const accountClaim = z.object({ accountId: z.uuid() });
export const inviteUserSchema = accountClaim.extend({ email: emailField });
export const inviteClaim = accountClaim.extend({ inviteId: z.uuid() });
export const memberClaim = accountClaim.extend({ userId: z.uuid() });
