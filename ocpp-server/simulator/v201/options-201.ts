import type { Electrical } from '../../../domain/smart-charging/profile';
import type { SmartChargingOptions } from '../charging-profiles';
import type { ClientCertificateOptions } from '../client-certificate';
import type { LocalListOptions } from '../local-auth-list';
import type { FirmwareAndLogOptions } from './firmware-and-logs-201';

export type SimulatedCharger201Options = {
  url: string;
  identity: string;
  password?: string;
  // EVSEs, each with one connector, but for twoConnectorEvse, which also has a connector 2 (evse-connectors-201.ts).
  evses: number;
  twoConnectorEvse?: number;
  meterIntervalMs: number;
  // What it draws with no charging profile in effect.
  powerW?: number;
  electrical?: Electrical;
  rejectsRemoteStarts?: boolean;
  smartCharging?: SmartChargingOptions;
  localList?: LocalListOptions;
  // How it answers a SetVariables of SecurityCtrlr.BasicAuthPassword: takes the new password and reconnects with it
  // (the default), refuses it, or has no such variable.
  newPasswords?: 'take' | 'refuse' | 'unknownVariable';
  // Security profiles 2 and 3: the server CA it trusts over wss (a raised profile's network profile names the address).
  clientCertificate?: ClientCertificateOptions;
  // Refuses a GetVariables of OCPPCommCtrlr.NetworkConfigurationPriority (its other variables are read as ever).
  unreadableNetworkPriority?: boolean;
  // ocpp-rpc's reconnect backoff (exponential, randomised by ±50%).
  backoff?: { initialDelay: number; maxDelay: number };
} & FirmwareAndLogOptions;
