import { z } from 'zod';
import { NO_LIMITS, ROLES_TO_GRANT, type GuestLimits } from '@/domain/people/roles';
import { blankAsUndefined, key } from '@/lib/validation';
import { chargerIdsOf } from './charger-field';

// The form's datetime-local is the browser's wall-clock time; the browser's offset (Date#getTimezoneOffset, minutes
// behind UTC) turns it into an instant.
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, key('dateInvalid'));

const grantFields = z.object({
  role: z.enum(ROLES_TO_GRANT, key('choiceInvalid')).default('member'),
  accessEndsAt: z.preprocess(blankAsUndefined, localDateTime.optional()),
  timeZoneOffset: z.coerce.number().int().min(-840).max(840).catch(0),
  energyCapKwh: z.preprocess(blankAsUndefined, z.coerce.number(key('energyCapInvalid')).positive(key('energyCapInvalid')).max(100_000, key('energyCapInvalid')).optional()),
  chargerIds: z.array(z.uuid(key('choiceInvalid'))).max(500),
});

function instantOf(local: string, offsetMinutes: number): Date {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return new Date(Date.parse(`${withSeconds}Z`) + offsetMinutes * 60_000);
}

// The guest's chargers arrive as one checkbox each (see charger-field.ts).
export function withChargerIds(fields: unknown): unknown {
  if (typeof fields !== 'object' || fields === null) return fields;
  return { ...fields, chargerIds: chargerIdsOf(fields) };
}

export const grantShape = grantFields.shape;
type GrantInput = z.output<typeof grantFields>;

// A guest needs an end, in the future; the cap and the chargers are optional.
export function checkGuestEnd(input: GrantInput, context: z.RefinementCtx): void {
  if (input.role !== 'guest') return;
  if (!input.accessEndsAt) context.addIssue({ code: 'custom', path: ['accessEndsAt'], ...key('guestEndRequired') });
  else if (instantOf(input.accessEndsAt, input.timeZoneOffset) <= new Date()) context.addIssue({ code: 'custom', path: ['accessEndsAt'], ...key('guestEndInPast') });
}

export function grantOf({ role, accessEndsAt, timeZoneOffset, energyCapKwh, chargerIds }: GrantInput): { role: GrantInput['role']; limits: GuestLimits } {
  const limits: GuestLimits = {
    accessEndsAt: accessEndsAt ? instantOf(accessEndsAt, timeZoneOffset) : null,
    energyCapWh: energyCapKwh === undefined ? null : Math.round(energyCapKwh * 1000),
    chargerIds: chargerIds.length > 0 ? chargerIds : null,
  };
  return { role, limits: role === 'guest' ? limits : NO_LIMITS };
}

