import { z } from 'zod';
import { accountClaim, key, nameField } from '@/lib/validation';

export const createApiTokenSchema = accountClaim.extend({ name: nameField });
export const revokeApiTokenSchema = accountClaim.extend({ tokenId: z.uuid(key('required')) });
