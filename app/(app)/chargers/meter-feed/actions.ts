'use server';

import { revalidatePath } from 'next/cache';
import { createApiToken, revokeApiToken } from '@/domain/data/api-tokens';
import { fail, ok } from '@/lib/action-result';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { createApiTokenSchema, revokeApiTokenSchema } from './schemas';

// The token is answered once, to the form that made it; only its hash is stored.
export const createApiTokenAction = memberAction<typeof createApiTokenSchema, { token: string }>(createApiTokenSchema, async ({ input, member }) => {
  const { token } = await createApiToken(db(), { accountId: member.accountId, name: input.name, createdBy: member.userId });
  revalidatePath('/chargers/meter-feed');
  return ok({ token });
});

export const revokeApiTokenAction = memberAction(
  revokeApiTokenSchema,
  async ({ input, member }) => {
    const result = await revokeApiToken(db(), { accountId: member.accountId, tokenId: input.tokenId });
    if (!result.ok) return fail('notFound');
    revalidatePath('/chargers/meter-feed');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);
