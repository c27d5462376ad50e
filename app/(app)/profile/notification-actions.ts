'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { notificationKind, type NotificationKind } from '@/db/schema';
import { saveNotificationPreferences } from '@/domain/data/notification-preferences';
import { ok } from '@/lib/action-result';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { accountClaim } from '@/lib/validation';

const checkbox = z.literal('on').optional();
const saveNotificationsSchema = accountClaim.extend({
  'session-finished': checkbox,
  'charger-faulted': checkbox,
  'member-joined': checkbox,
  'member-left': checkbox,
} satisfies Record<NotificationKind, typeof checkbox>);

// Any member may choose their own e-mails, drivers and guests too; memberAction checks the membership (and the
// second factor the account requires) behind the claimed account.
export const saveNotificationsAction = memberAction(
  saveNotificationsSchema,
  async ({ input, member }) => {
    const chosen = new Set(notificationKind.enumValues.filter((kind) => input[kind] === 'on'));
    await saveNotificationPreferences(db(), { userId: member.userId, accountId: member.accountId, role: member.role, chosen });
    revalidatePath('/profile');
    return ok(null);
  },
  { onInvalid: 'notFound', permission: 'charge' },
);
