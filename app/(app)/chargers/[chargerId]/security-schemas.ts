import { z } from 'zod';
import { SECURITY_PROFILES, type SecurityProfile } from '@/domain/chargers/security-profile';
import { key } from '@/lib/validation';
import { chargerClaim } from '../schemas';

const invalidProfile = key('securityProfileInvalid');

export const securityProfileSchema = chargerClaim.extend({
  securityProfile: z.coerce
    .number(invalidProfile)
    .refine((value): value is SecurityProfile => (SECURITY_PROFILES as readonly number[]).includes(value), invalidProfile)
    .transform((value) => value as SecurityProfile),
});
export type SecurityProfileFormInput = z.infer<typeof securityProfileSchema>;
