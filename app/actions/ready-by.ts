'use server';

import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { createCar, deleteCar } from '@/domain/data/cars';
import { chargeNow } from '@/domain/ready-by/charge-now';
import { setReadyBy } from '@/domain/ready-by/set-ready-by';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/action-result';
import { db } from '@/lib/db';
import { addCarSchema, readyBySchema, removeCarSchema, sessionSchema, toReadyByRequest } from '@/lib/ready-by/schemas';
import { userAction } from '@/lib/user-action';

// A bad session id is the page's (it names no session); the rest is typed, so its errors go next to the fields.
function readyByRefusal(fields: Record<string, FormDataEntryValue>, { error, values }: { error: z.ZodError; values: Record<string, string> }): ActionResult {
  return sessionSchema.safeParse(fields).success ? invalid(error, values) : fail('notFound');
}

// Who may plan which session is checked inside: an owner or co-owner any on the account's chargers, a driver their own.
export const setReadyByAction = userAction(
  readyBySchema,
  async ({ input, user, values }) => {
    const result = await setReadyBy(db(), { userId: user.id, transactionId: input.transactionId, request: toReadyByRequest(input) });
    if (!result.ok) return fail(result.reason, { values });
    revalidatePath('/charge');
    return ok(null);
  },
  { onInvalid: readyByRefusal },
);

export const chargeNowAction = userAction(
  sessionSchema,
  async ({ input, user }) => {
    const result = await chargeNow(db(), { userId: user.id, transactionId: input.transactionId });
    if (!result.ok) return fail(result.reason);
    revalidatePath('/charge');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);

export const addCarAction = userAction(addCarSchema, async ({ input, user, values }) => {
  const created = await createCar(db(), { userId: user.id, name: input.name, batteryWh: Math.round(input.batteryKwh * 1000) });
  if (!created.ok) return fieldError('name', created.reason, values);
  revalidatePath('/charge');
  return ok(null);
});

export const removeCarAction = userAction(
  removeCarSchema,
  async ({ input, user }) => {
    const removed = await deleteCar(db(), { userId: user.id, carId: input.carId });
    if (!removed.ok) return fail(removed.reason);
    revalidatePath('/charge');
    return ok(null);
  },
  { onInvalid: 'notFound' },
);
