import { z } from 'zod';
import { EXTENDED_TRIGGERABLE_MESSAGES } from '@/domain/commands/actions';
import { key, singleLine } from '@/lib/validation';
import { chargerClaim } from '../schemas';

const choice = key('choiceInvalid');

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
        key: singleLine(z.string(key('required')).trim().min(1, key('required')).max(50, key('tooLong'))),
        value: singleLine(z.string(key('required')).max(500, key('tooLong'))),
      }),
    ],
    choice,
  ),
);
export type ChargerCommandInput = z.infer<typeof chargerCommandSchema>;
