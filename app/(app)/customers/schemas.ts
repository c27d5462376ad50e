import { z } from 'zod';
import type { ValidationKey } from '@/lib/action-result';
import { emailField } from '@/lib/validation';

const required = { message: 'required' satisfies ValidationKey };

export const accountClaim = z.object({ accountId: z.uuid(required) });
export const inviteUserSchema = accountClaim.extend({ email: emailField });
export const inviteClaim = accountClaim.extend({ inviteId: z.uuid(required) });
export const memberClaim = accountClaim.extend({ userId: z.uuid(required) });
