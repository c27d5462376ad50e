export const FIRMWARE_MAX_BYTES = 64 * 1024 * 1024;

// The charger's attempts at the download: UpdateFirmware's retries and retryInterval (seconds).
export const FIRMWARE_RETRIES = 3;
export const FIRMWARE_RETRY_INTERVAL_SECONDS = 60;

// How long after the retrieve date the file stays downloadable: the charger's retries fit well inside it,
// a leaked link does not work for long.
export const FIRMWARE_LINK_TTL_MS = 24 * 60 * 60_000;

// SignedUpdateFirmware's limits on what goes to the charger (security whitepaper §4.4, FirmwareType).
export const SIGNING_CERTIFICATE_MAX_CHARS = 5500;
export const SIGNATURE_MAX_CHARS = 800;

// FirmwareStatusNotification's statuses, then those only SignedFirmwareStatusNotification has.
export const FIRMWARE_STATUSES = [
  'Downloading',
  'Downloaded',
  'DownloadFailed',
  'Installing',
  'Installed',
  'InstallationFailed',
  'Idle',
  'DownloadScheduled',
  'DownloadPaused',
  'SignatureVerified',
  'InvalidSignature',
  'InstallScheduled',
  'InstallRebooting',
  'InstallVerificationFailed',
] as const;
export type FirmwareStatus = (typeof FIRMWARE_STATUSES)[number];
