import { z } from 'zod';
import { FIRMWARE_MAX_BYTES } from '@/domain/firmware/limits';
import { blankAsUndefined, key, singleLine } from '@/lib/validation';
import { chargerClaim } from '../schemas';

function isHttpUrl(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// A file input left empty arrives as a nameless empty File.
const chosenFile = (value: unknown) => (value instanceof File && (value.size > 0 || value.name !== '') ? value : undefined);

export const updateFirmwareSchema = chargerClaim
  .extend({
    firmwareFile: z.preprocess(
      chosenFile,
      z
        .instanceof(File)
        .refine((file) => file.size > 0, key('firmwareFileEmpty'))
        .refine((file) => file.size <= FIRMWARE_MAX_BYTES, key('firmwareTooLarge'))
        .refine((file) => file.name.length <= 200 && !/[\p{Cc}/\\]/u.test(file.name), key('firmwareFileNameInvalid'))
        .optional(),
    ),
    firmwareUrl: z.preprocess(
      blankAsUndefined,
      singleLine(z.string().trim().max(2000, key('tooLong')))
        .refine(isHttpUrl, key('firmwareUrlInvalid'))
        .optional(),
    ),
    // The browser sends the moment as an ISO date with its offset (the page converts the local time field).
    retrieveAt: z.preprocess(blankAsUndefined, z.iso.datetime({ offset: true, ...key('dateInvalid') }).optional()),
  })
  .superRefine((value, context) => {
    if (value.firmwareFile && value.firmwareUrl) context.addIssue({ code: 'custom', path: ['firmwareUrl'], message: 'firmwareFileOrUrl' });
    if (!value.firmwareFile && !value.firmwareUrl) context.addIssue({ code: 'custom', path: ['firmwareFile'], message: 'firmwareMissing' });
  });
export type UpdateFirmwareInput = z.infer<typeof updateFirmwareSchema>;
