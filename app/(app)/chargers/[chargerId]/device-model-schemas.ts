import { z } from 'zod';
import { VARIABLE_VALUE_MAX } from '@/domain/chargers/device-variable-value';
import { key, singleLine } from '@/lib/validation';
import { chargerClaim } from '../schemas';

export const refreshDeviceModelSchema = chargerClaim;

// The value is checked against the variable's data type in the action, which reads the variable from the database.
export const setDeviceVariableSchema = chargerClaim.extend({
  variableId: z.uuid(key('required')),
  value: singleLine(z.string(key('required')).max(VARIABLE_VALUE_MAX, key('tooLong'))),
});
