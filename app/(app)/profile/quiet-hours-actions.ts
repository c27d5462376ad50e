'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { saveQuietHours } from '@/domain/data/quiet-hours';
import { ok } from '@/lib/action-result';
import { db } from '@/lib/db';
import { isTimeZone, TIME_ZONE_COOKIE } from '@/lib/i18n/locales';
import { userAction } from '@/lib/user-action';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const timeField = z.string({ error: 'windowTimeInvalid' }).trim().max(5, 'windowTimeInvalid');

// Both times or neither (off); each as the time field sends it, HH:MM.
const saveQuietHoursSchema = z
  .object({ start: timeField, end: timeField })
  .superRefine(({ start, end }, ctx) => {
    if (start === '' && end === '') return;
    for (const [path, value] of [['start', start], ['end', end]] as const) {
      if (!TIME.test(value)) ctx.addIssue({ code: 'custom', path: [path], message: 'windowTimeInvalid' });
    }
    if (start === end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'windowEmpty' });
  });

// Kept in the zone the browser reports (the cookie every page sets), so the hours follow the user's own clock.
export const saveQuietHoursAction = userAction(saveQuietHoursSchema, async ({ input, user }) => {
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  const quietHours = input.start === '' ? null : { start: input.start, end: input.end, zone: isTimeZone(zone) ? zone : 'UTC' };
  await saveQuietHours(db(), { userId: user.id, quietHours });
  revalidatePath('/profile');
  return ok(null);
});
