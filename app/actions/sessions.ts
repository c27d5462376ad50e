'use server';

import { z } from 'zod';
import { fail, invalid, ok, type ActionResult } from '@/lib/action-result';
import { stopCharging } from '@/lib/charge/stop-charging';
import { db } from '@/lib/db';
import { userAction } from '@/lib/user-action';
import { key, singleLine } from '@/lib/validation';
import { closeUnconfirmedSession } from '@/domain/data/session-control';

// Transaction ids are PostgreSQL integers; a larger number names no session.
const transactionId = z.coerce.number().int().positive().max(2_147_483_647);
const stopSchema = z.object({ transactionId });
const closeSchema = z.object({
  transactionId,
  note: singleLine(z.string(key('required')).trim().min(1, key('required')).max(500, key('tooLong'))),
});

// Membership is checked inside: the session must be on a charger of an account the session user belongs to.
export const stopSessionAction = userAction(
  stopSchema,
  async ({ input, user }) => {
    const result = await stopCharging(db(), { userId: user.id, transactionId: input.transactionId });
    return result.ok ? ok(null) : fail(result.reason);
  },
  { onInvalid: 'notFound' },
);

// The id is the page's (a bad one names no session); the reason is typed, so its errors go next to it.
function closeRefusal(fields: Record<string, FormDataEntryValue>): ActionResult {
  if (!z.object({ transactionId }).safeParse(fields).success) return fail('notFound');
  const parsed = closeSchema.safeParse(fields);
  return parsed.success ? fail('notFound') : invalid(parsed.error, { note: typeof fields.note === 'string' ? fields.note : '' });
}

export const closeSessionAction = userAction(
  closeSchema,
  async ({ input, user }) => {
    const result = await closeUnconfirmedSession(db(), { userId: user.id, ...input });
    return result.ok ? ok(null) : fail(result.reason);
  },
  { onInvalid: closeRefusal },
);
