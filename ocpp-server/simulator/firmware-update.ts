import { setTimeout as sleep } from 'node:timers/promises';
import type { FirmwareStatusNotificationRequest, UpdateFirmwareRequest } from '../src/ocpp/v16';

type FirmwareStatus = FirmwareStatusNotificationRequest['status'];

type UpdatingCharger = {
  sendFirmwareStatus(status: FirmwareStatus): Promise<void>;
  // Restarts the charger: it drops its connection, reconnects and boots, reporting firmwareVersion.
  reboot(): Promise<void>;
};

export type FirmwareOptions = {
  // What BootNotification reports before any update.
  installedVersion?: string;
  // What it reports after an update; otherwise read from the downloaded file's name ("wallbox-2.4.1.bin": 2.4.1).
  versionAfterUpdate?: string;
  // How long installing takes.
  installMs?: number;
};

export type FirmwareDownload = { location: string; bytes: Buffer };

// "cw-2.4.1.bin" → "2.4.1"; a name without a version number is the version itself, without its extensions.
export function versionFromLocation(location: string) {
  const last = new URL(location).pathname.split('/').pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A stray % in the name: read it as it is.
  }
  const base = name.replace(/(\.[a-z][a-z0-9]*)+$/i, '');
  return /\d+(?:\.\d+)+[\w.-]*/.exec(base)?.[0] ?? (base || 'updated');
}

// Firmware Management as a charge point runs it (OCPP 1.6 §5.19, §4.5): from retrieveDate on it downloads the file
// with HTTP GET, trying `retries` times `retryInterval` seconds apart, installs it and reboots with its version.
export class SimulatorFirmware {
  version: string;
  status: FirmwareStatus = 'Idle';
  readonly downloads: FirmwareDownload[] = [];
  private isBusy = false;

  constructor(
    private readonly charger: UpdatingCharger,
    private readonly options: FirmwareOptions = {},
  ) {
    this.version = options.installedVersion ?? 'sim-1.0';
  }

  // Answers at once (UpdateFirmware.conf is empty) and works after; a second request while one runs is ignored.
  accept(request: UpdateFirmwareRequest) {
    if (this.isBusy) return;
    this.isBusy = true;
    void this.run(request).finally(() => (this.isBusy = false));
  }

  // What a TriggerMessage for FirmwareStatusNotification reports: the status of the update under way, or Idle.
  async report() {
    await this.charger.sendFirmwareStatus(this.isBusy ? this.status : 'Idle');
  }

  private async setStatus(status: FirmwareStatus) {
    this.status = status;
    await this.charger.sendFirmwareStatus(status).catch(() => {});
  }

  private async run(request: UpdateFirmwareRequest) {
    await sleep(Math.max(0, Date.parse(request.retrieveDate) - Date.now()));
    await this.setStatus('Downloading');
    const bytes = await this.download(request);
    if (!bytes) return this.setStatus('DownloadFailed');
    this.downloads.push({ location: request.location, bytes });
    await this.setStatus('Downloaded');
    await this.setStatus('Installing');
    await sleep(this.options.installMs ?? 200);
    this.version = this.options.versionAfterUpdate ?? versionFromLocation(request.location);
    await this.setStatus('Installed');
    this.status = 'Idle';
    await this.charger.reboot();
  }

  private async download({ location, retries, retryInterval }: UpdateFirmwareRequest) {
    const attempts = Math.max(1, retries ?? 1);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await fetch(location);
        if (response.ok) return Buffer.from(await response.arrayBuffer());
      } catch {
        // Unreachable host or a dropped transfer: the next attempt may succeed.
      }
      if (attempt < attempts) await sleep((retryInterval ?? 0) * 1000);
    }
    return null;
  }
}
