import { z } from 'zod';
import { currentPasswordField, emailField } from '@/lib/validation';

export const loginSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  callbackUrl: z.string().max(500).optional(),
});

export const resendActivationSchema = z.object({ email: emailField });
