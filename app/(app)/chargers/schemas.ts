import { z } from 'zod';
import type { ValidationKey } from '@/lib/action-result';
import { IDENTITY_MAX, IDENTITY_PATTERN } from '@/domain/chargers/identity';
import { MAX_CONNECTORS } from '@/domain/charging/limits';
import { accountClaim, blankAsUndefined, key, pageField, singleLine } from '@/lib/validation';

const optionalNumber = (min: number, max: number, invalid: ValidationKey) =>
  z.preprocess(blankAsUndefined, z.coerce.number(key(invalid)).min(min, key(invalid)).max(max, key(invalid)).optional());

const chargerDetails = z
  .object({
    name: singleLine(z.string(key('required')).trim().min(1, key('required')).max(100, key('tooLong'))),
    address: singleLine(z.string(key('required')).trim().max(200, key('tooLong'))).optional(),
    latitude: optionalNumber(-90, 90, 'latitudeInvalid'),
    longitude: optionalNumber(-180, 180, 'longitudeInvalid'),
    connectorCount: z.preprocess(
      blankAsUndefined,
      z.coerce
        .number(key('connectorCountInvalid'))
        .int(key('connectorCountInvalid'))
        .min(1, key('connectorCountInvalid'))
        .max(MAX_CONNECTORS, key('connectorCountInvalid'))
        .default(1),
    ),
  })
  .superRefine((value, context) => {
    if ((value.latitude === undefined) !== (value.longitude === undefined)) {
      const missing = value.latitude === undefined ? 'latitude' : 'longitude';
      context.addIssue({ code: 'custom', path: [missing], message: 'coordinatesTogether' satisfies ValidationKey });
    }
  });

export const chargerClaim = accountClaim.extend({ chargerId: z.uuid(key('required')) });

export const addChargerSchema = z.intersection(
  accountClaim.extend({
    identity: z
      .string(key('required'))
      .trim()
      .min(1, { ...key('required'), abort: true })
      .max(IDENTITY_MAX, { ...key('identityTooLong'), abort: true })
      .regex(IDENTITY_PATTERN, key('identityInvalid')),
  }),
  chargerDetails,
);
export type AddChargerInput = z.infer<typeof addChargerSchema>;

export const editChargerSchema = z.intersection(chargerClaim, chargerDetails);
export type EditChargerInput = z.infer<typeof editChargerSchema>;

export const chargersPageSchema = z.object({ page: pageField });
