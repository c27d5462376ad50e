'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { deletePushSubscription, savePushSubscription } from '@/domain/data/web-push';
import { isPushServiceEndpoint } from '@/domain/push/push-services';
import { ok } from '@/lib/action-result';
import { db } from '@/lib/db';
import { userAction } from '@/lib/user-action';

// What PushSubscription.toJSON() gives: a push service's https address and the browser's P-256 key (65 bytes) and
// auth secret (16 bytes), base64url.
const endpoint = z.url({ protocol: /^https$/ }).max(2000).refine((url) => isPushServiceEndpoint(url));
const savePushDeviceSchema = z.object({
  endpoint,
  p256dh: z.string().regex(/^[\w-]{87}$/),
  auth: z.string().regex(/^[\w-]{22}$/),
});
const removePushDeviceSchema = z.object({ endpoint });

export const savePushDeviceAction = userAction(
  savePushDeviceSchema,
  async ({ input, user }) => {
    await savePushSubscription(db(), { userId: user.id, subscription: input });
    revalidatePath('/profile');
    return ok(null);
  },
  { onInvalid: 'pushDeviceRefused' },
);

export const removePushDeviceAction = userAction(
  removePushDeviceSchema,
  async ({ input, user }) => {
    await deletePushSubscription(db(), { userId: user.id, endpoint: input.endpoint });
    revalidatePath('/profile');
    return ok(null);
  },
  { onInvalid: 'pushDeviceRefused' },
);
