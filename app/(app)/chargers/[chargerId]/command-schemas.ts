import { z } from 'zod';
import { readRootCertificate } from '@/domain/certificates/root-certificate';
import { EXTENDED_TRIGGERABLE_MESSAGES } from '@/domain/commands/actions';
import { key, singleLine } from '@/lib/validation';
import { chargerClaim } from '../schemas';

const choice = key('choiceInvalid');

const certificateType = z.enum(['CentralSystemRootCertificate', 'ManufacturerRootCertificate'], choice);
const hashHex = (max: number) => z.string(choice).trim().regex(new RegExp(`^[0-9a-fA-F]{1,${max}}$`), choice);
// The PEM a charger is given: read and checked here, so that a paste that is not a root certificate is refused next
// to the field rather than by the charger.
const rootCertificate = z.string(key('required')).superRefine((text, context) => {
  if (text.trim() === '') return context.addIssue({ code: 'custom', ...key('required') });
  const read = readRootCertificate(text);
  if (!read.ok) context.addIssue({ code: 'custom', ...key(read.problem) });
}).transform((text) => text.trim());

const connectorId = z.coerce.number(choice).int(choice).min(0, choice).max(16, choice);
// An empty text field or "whole charger" choice leaves the optional field out.
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, singleLine(z.string().trim().max(max, key('tooLong'))).optional());

// One schema per command the charger page offers; `command` picks it.
export const chargerCommandSchema = z.intersection(
  chargerClaim,
  z.discriminatedUnion(
    'command',
    [
      z.object({ command: z.literal('Reset'), type: z.enum(['Soft', 'Hard'], choice) }),
      z.object({ command: z.literal('UnlockConnector'), connectorId: connectorId.min(1, choice) }),
      z.object({ command: z.literal('ChangeAvailability'), connectorId, type: z.enum(['Operative', 'Inoperative'], choice) }),
      z.object({ command: z.literal('ClearCache') }),
      z.object({
        command: z.literal('TriggerMessage'),
        requestedMessage: z.enum(
          ['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification'],
          choice,
        ),
        connectorId: z.preprocess(blankToUndefined, connectorId.min(1, choice).optional()),
      }),
      z.object({
        command: z.literal('ExtendedTriggerMessage'),
        requestedMessage: z.enum(EXTENDED_TRIGGERABLE_MESSAGES, choice),
        connectorId: z.preprocess(blankToUndefined, connectorId.min(1, choice).optional()),
      }),
      z.object({
        command: z.literal('DataTransfer'),
        vendorId: singleLine(z.string(key('required')).trim().min(1, key('required')).max(255, key('tooLong'))),
        messageId: optionalText(50),
        // Free text, several lines allowed; a NUL could not be stored with the command.
        data: z.preprocess(blankToUndefined, z.string().max(10_000, key('tooLong')).refine((value) => !value.includes('\u0000'), key('controlCharacters')).optional()),
      }),
      z.object({ command: z.literal('GetConfiguration') }),
      z.object({
        command: z.literal('ChangeConfiguration'),
        // The charger's password goes only through "send a new password", which never stores it; its security
        // profile only through the security card, which tells the platform to let it in under the new one.
        key: singleLine(z.string(key('required')).trim().min(1, key('required')).max(50, key('tooLong')))
          .refine((name) => name.toLowerCase() !== 'authorizationkey', key('authorizationKeyBySend'))
          .refine((name) => name.toLowerCase() !== 'securityprofile', key('securityProfileByCard')),
        value: singleLine(z.string(key('required')).max(500, key('tooLong'))),
      }),
      z.object({ command: z.literal('InstallCertificate'), certificateType, certificate: rootCertificate }),
      z.object({ command: z.literal('GetInstalledCertificateIds'), certificateType }),
      z.object({
        command: z.literal('DeleteCertificate'),
        hashAlgorithm: z.enum(['SHA256', 'SHA384', 'SHA512'], choice),
        issuerNameHash: hashHex(128),
        issuerKeyHash: hashHex(128),
        serialNumber: hashHex(40),
      }),
    ],
    choice,
  ),
);
export type ChargerCommandInput = z.infer<typeof chargerCommandSchema>;
