// The security events listed in the OCPP 1.6 security whitepaper (its appendix "Security events"), which the charger
// page names in words; a charger may report others, shown as sent.
export const SECURITY_EVENT_TYPES = [
  'FirmwareUpdated',
  'FailedToAuthenticateAtCentralSystem',
  'CentralSystemFailedToAuthenticate',
  'SettingSystemTime',
  'StartupOfTheDevice',
  'ResetOrReboot',
  'SecurityLogWasCleared',
  'ReconfigurationOfSecurityParameters',
  'MemoryExhaustion',
  'InvalidMessages',
  'AttemptedReplayAttacks',
  'TamperDetectionActivated',
  'InvalidFirmwareSignature',
  'InvalidFirmwareSigningCertificate',
  'InvalidCentralSystemCertificate',
  'InvalidChargePointCertificate',
  'InvalidTLSVersion',
  'InvalidTLSCipherSuite',
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

// The whitepaper marks these critical: a charger pushes them to the central system rather than only logging them.
const CRITICAL: ReadonlySet<SecurityEventType> = new Set([
  'FirmwareUpdated',
  'SettingSystemTime',
  'StartupOfTheDevice',
  'ResetOrReboot',
  'SecurityLogWasCleared',
  'MemoryExhaustion',
  'TamperDetectionActivated',
]);

export function isKnownSecurityEventType(type: string): type is SecurityEventType {
  return (SECURITY_EVENT_TYPES as readonly string[]).includes(type);
}

export function isCriticalSecurityEvent(type: SecurityEventType) {
  return CRITICAL.has(type);
}
