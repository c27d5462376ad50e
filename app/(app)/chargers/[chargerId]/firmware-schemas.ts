import { z } from 'zod';
import { FIRMWARE_MAX_BYTES, SIGNATURE_MAX_CHARS, SIGNING_CERTIFICATE_MAX_CHARS } from '@/domain/firmware/limits';
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
    // A signed update (security whitepaper SignedUpdateFirmware): the signer's certificate and the file's signature.
    // A form sends a textarea's line breaks as CRLF; PEM goes to the charger with plain LFs.
    signingCertificate: z.preprocess(
      (value) => blankAsUndefined(typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value),
      z.string().trim().max(SIGNING_CERTIFICATE_MAX_CHARS, key('tooLong')).optional(),
    ),
    // Base64 is often pasted wrapped over several lines.
    signature: z.preprocess(
      (value) => blankAsUndefined(typeof value === 'string' ? value.replace(/\s+/g, '') : value),
      z.string().max(SIGNATURE_MAX_CHARS, key('tooLong')).optional(),
    ),
    // The browser sends the moment as an ISO date with its offset (the page converts the local time field).
    retrieveAt: z.preprocess(blankAsUndefined, z.iso.datetime({ offset: true, ...key('dateInvalid') }).optional()),
  })
  .superRefine((value, context) => {
    if (value.firmwareFile && value.firmwareUrl) context.addIssue({ code: 'custom', path: ['firmwareUrl'], message: 'firmwareFileOrUrl' });
    if (!value.firmwareFile && !value.firmwareUrl) context.addIssue({ code: 'custom', path: ['firmwareFile'], message: 'firmwareMissing' });
    if (value.signingCertificate && !value.signature) context.addIssue({ code: 'custom', path: ['signature'], message: 'firmwareSignatureMissing' });
    if (value.signature && !value.signingCertificate) context.addIssue({ code: 'custom', path: ['signingCertificate'], message: 'firmwareCertificateMissing' });
    // The platform checks the signature over the file before sending it, so a signed update needs the file here.
    if ((value.signingCertificate || value.signature) && value.firmwareUrl) context.addIssue({ code: 'custom', path: ['firmwareUrl'], message: 'firmwareSignedNeedsFile' });
  });
export type UpdateFirmwareInput = z.infer<typeof updateFirmwareSchema>;
