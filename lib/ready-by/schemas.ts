import { z } from 'zod';
import type { ReadyByRequest } from '@/domain/ready-by/make-plan';
import { key, nameField } from '@/lib/validation';

// The most energy a plan is asked for, and the largest battery a car may be given (kWh).
const MAX_READY_BY_KWH = 200;
const MAX_BATTERY_KWH = 250;

const transactionId = z.coerce.number().int().positive().max(2_147_483_647);
const kwh = (max: number, message: Parameters<typeof key>[0]) => z.coerce.number(key(message)).gt(0, key(message)).max(max, key(message));
const percent = z.coerce.number(key('percentInvalid')).int(key('percentInvalid')).min(0, key('percentInvalid')).max(100, key('percentInvalid'));

// Departure and energy, as the Charge page's forms send them (a running session's, or a start's).
export const readyByFieldsSchema = z
  .discriminatedUnion('amount', [
    z.object({ amount: z.literal('kwh'), energyKwh: kwh(MAX_READY_BY_KWH, 'energyInvalid') }),
    z.object({ amount: z.literal('percent'), carId: z.uuid(key('carRequired')), fromPercent: percent, toPercent: percent }),
  ], key('choiceInvalid'))
  .and(z.object({ departure: z.string(key('departureInvalid')).regex(/^([01]\d|2[0-3]):[0-5]\d$/, key('departureInvalid')) }))
  .superRefine((input, context) => {
    if (input.amount === 'percent' && input.toPercent <= input.fromPercent) context.addIssue({ code: 'custom', path: ['toPercent'], message: key('percentOrder').message });
  });
type ReadyByInput = z.output<typeof readyByFieldsSchema>;

export const readyBySchema = readyByFieldsSchema.and(z.object({ transactionId }));

export const sessionSchema = z.object({ transactionId });

export function toReadyByRequest(input: ReadyByInput): ReadyByRequest {
  return {
    departure: input.departure,
    energy: input.amount === 'kwh' ? { kind: 'kwh', wh: Math.round(input.energyKwh * 1000) } : { kind: 'percent', carId: input.carId, fromPercent: input.fromPercent, toPercent: input.toPercent },
  };
}

export const addCarSchema = z.object({ name: nameField, batteryKwh: kwh(MAX_BATTERY_KWH, 'batteryInvalid') });
export const removeCarSchema = z.object({ carId: z.uuid() });
