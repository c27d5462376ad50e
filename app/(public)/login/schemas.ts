import { z } from 'zod';
import { currentPasswordField, emailField, key, secondFactorCodeField } from '@/lib/validation';

export const loginSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  // Where to go after logging in: a hidden field, so one that is no usable path is dropped, not an error.
  callbackUrl: z.string().max(500).optional().catch(undefined),
});

export const resendActivationSchema = z.object({ email: emailField });

// The browser's answer to a WebAuthn challenge, as JSON (lib/accounts/passkeys.ts reads it).
export const credentialField = z.string(key('required')).min(2, key('required')).max(20_000, key('tooLong'));

export const passkeyLoginSchema = z.object({
  credential: credentialField,
  callbackUrl: z.string().max(500).optional().catch(undefined),
});

export const secondFactorCodeSchema = z.object({
  code: secondFactorCodeField,
  callbackUrl: z.string().max(500).optional().catch(undefined),
});
