'use server';

import { z } from 'zod';
import { RESERVATION_MINUTES } from '@/domain/reservations/minutes';
import { cancelReservation } from '@/domain/reservations/cancel';
import { reserveConnector } from '@/domain/reservations/reserve';
import { fail, fieldError, invalid, ok } from '@/lib/action-result';
import { readyByFieldsSchema, toReadyByRequest } from '@/lib/ready-by/schemas';
import { startCharging } from '@/lib/charge/start-charging';
import { db } from '@/lib/db';
import { userAction } from '@/lib/user-action';
import { key } from '@/lib/validation';

const startSchema = z.object({ chargerId: z.uuid(), connectorId: z.coerce.number().int().min(1).max(16), cardId: z.uuid() });

// Membership is checked inside: the charger must belong to an account of the session user, the card to them. With
// "ready by" ticked, the start carries the plan of its cheapest hours.
export const startChargingAction = userAction(
  startSchema,
  async ({ input, user, fields, values }) => {
    const readyBy = fields.readyBy === 'on' ? readyByFieldsSchema.safeParse(fields) : null;
    if (readyBy && !readyBy.success) return invalid(readyBy.error, values);
    const result = await startCharging(db(), { userId: user.id, ...input, ...(readyBy && { readyBy: toReadyByRequest(readyBy.data) }) });
    return result.ok ? ok(null) : fail(result.reason, { values });
  },
  { onInvalid: (fields) => fail(fields.cardId ? 'notFound' : 'noValidCard') },
);

const minutesField = z.coerce.number(key('choiceInvalid')).refine((minutes) => (RESERVATION_MINUTES as readonly number[]).includes(minutes), key('choiceInvalid'));
const reserveSchema = startSchema.extend({ minutes: minutesField });

// The duration is the one field the user picks; a bad hidden field means the charger or card is gone.
export const reserveConnectorAction = userAction(
  reserveSchema,
  async ({ input, user }) => {
    const result = await reserveConnector(db(), { userId: user.id, ...input });
    return result.ok ? ok(null) : fail(result.reason);
  },
  { onInvalid: (fields) => (minutesField.safeParse(fields.minutes).success ? fail('notFound') : fieldError('minutes', 'choiceInvalid')) },
);

const cancelSchema = z.object({ reservationId: z.coerce.number().int().positive() });

// Only a member of the reservation's account; a member cancels their own, an owner anyone's (checked inside).
export const cancelReservationAction = userAction(
  cancelSchema,
  async ({ input, user }) => {
    const result = await cancelReservation(db(), { userId: user.id, reservationId: input.reservationId });
    return result.ok ? ok(null) : fail(result.reason);
  },
  { onInvalid: 'notFound' },
);
