'use server';

import { z } from 'zod';
import { fail, ok, type ActionResult } from '@/lib/action-result';
import { startCharging } from '@/lib/charge/start-charging';
import { stopCharging } from '@/lib/charge/stop-charging';
import { getSessionUser } from '@/lib/session';

const startSchema = z.object({ chargerId: z.uuid(), connectorId: z.coerce.number().int().min(1).max(16), cardId: z.uuid() });
const stopSchema = z.object({ transactionId: z.coerce.number().int().positive() });

// Membership is checked inside: the charger must belong to an account of the session user, the card to them.
export async function startChargingAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return fail('sessionExpired');
  const input = startSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fail(form.get('cardId') ? 'notFound' : 'noValidCard');
  const result = await startCharging({ userId: user.id, ...input.data });
  return result === 'started' ? ok(null) : fail(result);
}

export async function stopChargingAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return fail('sessionExpired');
  const input = stopSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return fail('notFound');
  const result = await stopCharging({ userId: user.id, transactionId: input.data.transactionId });
  return result === 'stopping' ? ok(null) : fail(result);
}
