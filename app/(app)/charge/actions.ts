'use server';

import { z } from 'zod';
import { fail, formFields, ok, type ActionResult } from '@/lib/action-result';
import { startCharging } from '@/lib/charge/start-charging';
import { stopCharging } from '@/lib/charge/stop-charging';
import { db } from '@/lib/db';
import { getSessionUser } from '@/lib/session';

const startSchema = z.object({ chargerId: z.uuid(), connectorId: z.coerce.number().int().min(1).max(16), cardId: z.uuid() });
// Transaction ids are PostgreSQL integers; a larger number names no session.
const stopSchema = z.object({ transactionId: z.coerce.number().int().positive().max(2_147_483_647) });

// Membership is checked inside: the charger must belong to an account of the session user, the card to them.
export async function startChargingAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return fail('sessionExpired');
  const fields = formFields(form);
  const input = startSchema.safeParse(fields);
  if (!input.success) return fail(fields.cardId ? 'notFound' : 'noValidCard');
  const result = await startCharging(db(), { userId: user.id, ...input.data });
  return result.ok ? ok(null) : fail(result.reason);
}

export async function stopChargingAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return fail('sessionExpired');
  const input = stopSchema.safeParse(formFields(form));
  if (!input.success) return fail('notFound');
  const result = await stopCharging(db(), { userId: user.id, transactionId: input.data.transactionId });
  return result.ok ? ok(null) : fail(result.reason);
}
