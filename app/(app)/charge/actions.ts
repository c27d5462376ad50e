'use server';

import { z } from 'zod';
import { fail, ok } from '@/lib/action-result';
import { startCharging } from '@/lib/charge/start-charging';
import { db } from '@/lib/db';
import { userAction } from '@/lib/user-action';

const startSchema = z.object({ chargerId: z.uuid(), connectorId: z.coerce.number().int().min(1).max(16), cardId: z.uuid() });

// Membership is checked inside: the charger must belong to an account of the session user, the card to them.
export const startChargingAction = userAction(
  startSchema,
  async ({ input, user }) => {
    const result = await startCharging(db(), { userId: user.id, ...input });
    return result.ok ? ok(null) : fail(result.reason);
  },
  { onInvalid: (fields) => fail(fields.cardId ? 'notFound' : 'noValidCard') },
);
