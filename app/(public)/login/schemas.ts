import { z } from 'zod';
import { currentPasswordField, emailField } from '@/lib/validation';

export const loginSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  // Where to go after logging in: a hidden field, so one that is no usable path is dropped, not an error.
  callbackUrl: z.string().max(500).optional().catch(undefined),
});

export const resendActivationSchema = z.object({ email: emailField });
