'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { notificationKind, type NotificationKind } from '@/db/schema';
import { saveNotificationPreferences } from '@/domain/data/notification-preferences';
import { fail, ok } from '@/lib/action-result';
import { db } from '@/lib/db';
import { userAction } from '@/lib/user-action';
import { accountClaim } from '@/lib/validation';

const checkbox = z.literal('on').optional();
const saveNotificationsSchema = accountClaim.extend({
  'session-finished': checkbox,
  'charger-faulted': checkbox,
  'member-joined': checkbox,
  'member-left': checkbox,
} satisfies Record<NotificationKind, typeof checkbox>);

// The account in the form is only a claim: the membership behind it is checked with the choices' write.
export const saveNotificationsAction = userAction(
  saveNotificationsSchema,
  async ({ input, user }) => {
    const chosen = new Set(notificationKind.enumValues.filter((kind) => input[kind] === 'on'));
    const saved = await saveNotificationPreferences(db(), { userId: user.id, accountId: input.accountId, chosen });
    if (!saved.ok) return fail('notFound');
    revalidatePath('/profile');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);
