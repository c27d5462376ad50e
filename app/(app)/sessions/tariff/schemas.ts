import { z } from 'zod';
import { CURRENCIES } from '@/domain/charging/tariff';
import { accountClaim, blankAsUndefined, key } from '@/lib/validation';

// Empty means "the account's tariff"; a uuid names one of its chargers.
const target = z.preprocess(blankAsUndefined, z.uuid(key('required')).optional());

export const tariffTargetSchema = accountClaim.extend({ chargerId: target });
export type TariffTargetInput = z.infer<typeof tariffTargetSchema>;

export const setTariffSchema = tariffTargetSchema.extend({
  // A decimal comma is how most of Europe types prices.
  pricePerKwh: z
    .string(key('required'))
    .trim()
    .min(1, { ...key('required'), abort: true })
    .transform((value) => value.replace(',', '.'))
    .pipe(z.string().regex(/^\d{1,8}(\.\d{1,4})?$/, key('priceInvalid'))),
  currency: z.enum(CURRENCIES, key('currencyInvalid')),
});
export type SetTariffInput = z.infer<typeof setTariffSchema>;
