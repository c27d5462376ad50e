import { z } from 'zod';
import { emailField, nameField, newPasswordField } from '@/lib/validation';

export const registerSchema = z.object({ name: nameField, email: emailField, password: newPasswordField });
export type RegisterInput = z.infer<typeof registerSchema>;
