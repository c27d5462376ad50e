import { z } from 'zod';
import { MAX_SAMPLE_INTERVAL_SEC, MIN_SAMPLE_INTERVAL_SEC } from '@/domain/chargers/provisioning';
import { blankAsUndefined, checkboxField, key } from '@/lib/validation';
import { chargerClaim } from '../schemas';

const invalidInterval = key('sampleIntervalInvalid');

// A blank interval is the platform's default. Each optional measurand is its own checkbox (a form's fields are
// read one value per name); the energy register is always sampled.
export const meterSettingsSchema = chargerClaim.extend({
  sampleIntervalSec: z.preprocess(
    blankAsUndefined,
    z.coerce.number(invalidInterval).int(invalidInterval).min(MIN_SAMPLE_INTERVAL_SEC, invalidInterval).max(MAX_SAMPLE_INTERVAL_SEC, invalidInterval).optional(),
  ),
  power: checkboxField,
  current: checkboxField,
  soc: checkboxField,
});
export type MeterSettingsFormInput = z.infer<typeof meterSettingsSchema>;
