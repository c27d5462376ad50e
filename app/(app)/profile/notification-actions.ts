'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { notificationKind, type NotificationChannel, type NotificationKind } from '@/db/schema';
import { saveNotificationPreferences } from '@/domain/data/notification-preferences';
import { ok } from '@/lib/action-result';
import { db } from '@/lib/db';
import { memberAction } from '@/lib/member-action';
import { accountClaim } from '@/lib/validation';

const checkbox = z.literal('on').optional();
// One checkbox per kind and channel, named `email:<kind>` and `push:<kind>`.
type FieldName = `${NotificationChannel}:${NotificationKind}`;
const fieldName = (channel: NotificationChannel, kind: NotificationKind): FieldName => `${channel}:${kind}`;
const choiceFields = Object.fromEntries(
  notificationKind.enumValues.flatMap((kind) => [[fieldName('email', kind), checkbox], [fieldName('push', kind), checkbox]]),
) as Record<FieldName, typeof checkbox>;
const saveNotificationsSchema = accountClaim.extend(choiceFields);

// Any member may choose their own notifications, drivers and guests too; memberAction checks the membership (and the
// second factor the account requires) behind the claimed account.
export const saveNotificationsAction = memberAction(
  saveNotificationsSchema,
  async ({ input, member }) => {
    const ticked = (channel: NotificationChannel) => new Set(notificationKind.enumValues.filter((kind) => input[fieldName(channel, kind)] === 'on'));
    await saveNotificationPreferences(db(), { userId: member.userId, accountId: member.accountId, role: member.role, byEmail: ticked('email'), byPush: ticked('push') });
    revalidatePath('/profile');
    return ok(null);
  },
  { onInvalid: 'notFound', permission: 'charge' },
);
