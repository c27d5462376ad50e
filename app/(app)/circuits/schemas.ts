import { z } from 'zod';
import type { CircuitMember } from '@/domain/data/circuits';
import { MAX_CIRCUIT_CAPACITY_A, MAX_SESSION_CURRENT_A, MIN_SESSION_CURRENT_A } from '@/domain/circuits/circuit-form';
import { CIRCUIT_SOLAR_MODES } from '@/domain/circuits/solar-hysteresis';
import { accountClaim, checkboxField, key, nameField } from '@/lib/validation';

const capacityInvalid = key('circuitCapacityInvalid');
const minimumInvalid = key('circuitMinimumInvalid');
const wholeAmps = (min: number, max: number, message: ReturnType<typeof key>) => z.coerce.number(message).int(message).min(min, message).max(max, message);

const circuitFields = {
  name: nameField,
  capacityA: wholeAmps(1, MAX_CIRCUIT_CAPACITY_A, capacityInvalid),
  minCurrentA: wholeAmps(MIN_SESSION_CURRENT_A, MAX_SESSION_CURRENT_A, minimumInvalid),
  followsMeterFeed: checkboxField,
  solarMode: z.enum(CIRCUIT_SOLAR_MODES, key('choiceInvalid')).default('off'),
};

type CircuitValues = { capacityA: number; minCurrentA: number; followsMeterFeed: boolean; solarMode: string };

// Only between two valid numbers: a field already refused says so once. Solar charging reads the surplus from the
// meter feed, so it needs the circuit to follow it.
const consistentCircuit = (value: CircuitValues, context: z.RefinementCtx) => {
  const isValid = (field: 'capacityA' | 'minCurrentA') => circuitFields[field].safeParse(value[field]).success;
  if (isValid('capacityA') && isValid('minCurrentA') && value.minCurrentA > value.capacityA) context.addIssue({ code: 'custom', path: ['minCurrentA'], message: 'circuitMinimumAboveCapacity' });
  if (value.solarMode !== 'off' && !value.followsMeterFeed) context.addIssue({ code: 'custom', path: ['solarMode'], message: 'circuitSolarNeedsFeed' });
};

export const createCircuitSchema = accountClaim.extend(circuitFields).superRefine(consistentCircuit);
export const circuitClaim = accountClaim.extend({ circuitId: z.uuid(key('required')) });
export const updateCircuitSchema = circuitClaim.extend(circuitFields).superRefine(consistentCircuit);

// Each charger of the account arrives as a checkbox `charger_{id}` and, for a single-phase one, `phase_{id}` (1–3).
export const circuitChargersSchema = circuitClaim.loose().transform((fields, context) => {
  const members: CircuitMember[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const chargerId = /^charger_(.+)$/.exec(name)?.[1];
    if (!chargerId || value !== 'on') continue;
    if (!z.uuid().safeParse(chargerId).success) {
      context.addIssue({ code: 'custom', path: ['chargers'], message: 'choiceInvalid' });
      continue;
    }
    const phase = Number(fields[`phase_${chargerId}`] ?? 1);
    if (phase !== 1 && phase !== 2 && phase !== 3) context.addIssue({ code: 'custom', path: ['chargers'], message: 'choiceInvalid' });
    else members.push({ chargerId, phase });
  }
  return { accountId: fields.accountId, circuitId: fields.circuitId, members };
});
