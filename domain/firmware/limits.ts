export const FIRMWARE_MAX_BYTES = 64 * 1024 * 1024;

// The charger's attempts at the download: UpdateFirmware's retries and retryInterval (seconds).
export const FIRMWARE_RETRIES = 3;
export const FIRMWARE_RETRY_INTERVAL_SECONDS = 60;

// How long after the retrieve date the file stays downloadable: the charger's retries fit well inside it,
// a leaked link does not work for long.
export const FIRMWARE_LINK_TTL_MS = 24 * 60 * 60_000;

export const FIRMWARE_STATUSES = ['Downloading', 'Downloaded', 'DownloadFailed', 'Installing', 'Installed', 'InstallationFailed', 'Idle'] as const;
export type FirmwareStatus = (typeof FIRMWARE_STATUSES)[number];
