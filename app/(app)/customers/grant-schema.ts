import { z } from 'zod';
import { NO_LIMITS, ROLES_TO_GRANT, type GuestLimits } from '@/domain/people/roles';
import { blankAsUndefined, key } from '@/lib/validation';
import { chargerIdsOf } from './grant-form-fields';

// The form's datetime-local is the browser's wall-clock time; the browser's offset at that time (browserOffsetAt,
// minutes behind UTC) turns it into an instant.
// zod's local ISO date-time refuses a day past the month's end, a month 13 and an hour 25.
const localDateTime = z.iso.datetime({ local: true, ...key('dateInvalid') });

const grantFields = z.object({
  role: z.enum(ROLES_TO_GRANT, key('choiceInvalid')).default('member'),
  accessEndsAt: z.preprocess(blankAsUndefined, localDateTime.optional()),
  timeZoneOffset: z.coerce.number().int().min(-840).max(840).catch(0),
  energyCapKwh: z.preprocess(blankAsUndefined, z.coerce.number(key('energyCapInvalid')).positive(key('energyCapInvalid')).max(100_000, key('energyCapInvalid')).optional()),
  chargerIds: z.array(z.uuid(key('choiceInvalid'))).max(500),
});

function instantOf(local: string, offsetMinutes: number): Date {
  return new Date(Date.parse(`${local}Z`) + offsetMinutes * 60_000);
}

// The guest's chargers arrive as one checkbox each (see grant-form-fields.ts).
export function withChargerIds(fields: unknown): unknown {
  if (typeof fields !== 'object' || fields === null) return fields;
  return { ...fields, chargerIds: chargerIdsOf(fields) };
}

export const grantShape = grantFields.shape;
type GrantInput = z.output<typeof grantFields>;

// PostgreSQL reads no timestamp past the year 9999 written as JavaScript writes it.
const LAST_STORABLE = Date.parse('9999-12-31T23:59:59Z');

// A guest needs an end, in the future; the cap and the chargers are optional.
export function checkGuestEnd(input: GrantInput, context: z.RefinementCtx): void {
  if (input.role !== 'guest') return;
  const endsAt = input.accessEndsAt && instantOf(input.accessEndsAt, input.timeZoneOffset);
  const refuse = (reason: 'guestEndRequired' | 'guestEndInPast' | 'dateInvalid') => context.addIssue({ code: 'custom', path: ['accessEndsAt'], ...key(reason) });
  if (!endsAt) refuse('guestEndRequired');
  else if (endsAt <= new Date()) refuse('guestEndInPast');
  else if (endsAt.getTime() > LAST_STORABLE) refuse('dateInvalid');
}

export function grantOf({ role, accessEndsAt, timeZoneOffset, energyCapKwh, chargerIds }: GrantInput): { role: GrantInput['role']; limits: GuestLimits } {
  const limits: GuestLimits = {
    accessEndsAt: accessEndsAt ? instantOf(accessEndsAt, timeZoneOffset) : null,
    energyCapWh: energyCapKwh === undefined ? null : Math.round(energyCapKwh * 1000),
    chargerIds: chargerIds.length > 0 ? chargerIds : null,
  };
  return { role, limits: role === 'guest' ? limits : NO_LIMITS };
}
