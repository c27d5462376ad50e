import { z } from 'zod';
import { chargerClaim } from '../schemas';

const connectorId = z.coerce.number().int().min(0).max(16);

// One schema per command the charger page offers; `command` picks it.
export const chargerCommandSchema = z.intersection(
  chargerClaim,
  z.discriminatedUnion('command', [
    z.object({ command: z.literal('Reset'), type: z.enum(['Soft', 'Hard']) }),
    z.object({ command: z.literal('UnlockConnector'), connectorId: connectorId.min(1) }),
    z.object({ command: z.literal('ChangeAvailability'), connectorId, type: z.enum(['Operative', 'Inoperative']) }),
    z.object({ command: z.literal('ClearCache') }),
    z.object({
      command: z.literal('TriggerMessage'),
      requestedMessage: z.enum(['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification']),
    }),
    z.object({ command: z.literal('GetConfiguration') }),
    z.object({
      command: z.literal('ChangeConfiguration'),
      key: z.string().trim().min(1, { message: 'required' }).max(50, { message: 'tooLong' }),
      value: z.string().max(500, { message: 'tooLong' }),
    }),
  ]),
);
export type ChargerCommandInput = z.infer<typeof chargerCommandSchema>;
