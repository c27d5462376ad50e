import { z } from 'zod';
import { emailField, nameField, newPasswordField, singleLine, tokenField } from '@/lib/validation';

export const registerSchema = z.object({ name: nameField, email: emailField, password: newPasswordField });
export type RegisterInput = z.infer<typeof registerSchema>;

export const registerFromInviteSchema = registerSchema.extend({ invite: singleLine(tokenField) });
