import type { X509Certificate } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isSignatureValid, parseCertificate } from '../../domain/firmware/signature';
import type {
  FirmwareStatusNotificationRequest,
  SignedFirmwareStatusNotificationRequest,
  SignedUpdateFirmwareRequest,
  SignedUpdateFirmwareResponse,
  UpdateFirmwareRequest,
} from '../src/ocpp/v16';

type FirmwareStatus = FirmwareStatusNotificationRequest['status'];
type SignedFirmwareStatus = SignedFirmwareStatusNotificationRequest['status'];

// One update, plain or signed: where and when to fetch, and for a signed one what to check the file against.
type Job = {
  location: string;
  retrieveAt: string;
  retries?: number;
  retryInterval?: number;
  signed?: { certificate: X509Certificate; signature: string; requestId: number };
};

type UpdatingCharger = {
  sendFirmwareStatus(status: FirmwareStatus): Promise<void>;
  sendSignedFirmwareStatus(report: SignedFirmwareStatusNotificationRequest): Promise<void>;
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
  status: FirmwareStatus | SignedFirmwareStatus = 'Idle';
  private signedRequestId: number | null = null;
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
    this.start({ location: request.location, retrieveAt: request.retrieveDate, retries: request.retries, retryInterval: request.retryInterval });
  }

  // SignedUpdateFirmware (security whitepaper §4.4): a certificate that does not parse is refused at once; the
  // signature is checked once the file is downloaded.
  acceptSigned(request: SignedUpdateFirmwareRequest): SignedUpdateFirmwareResponse {
    const certificate = parseCertificate(request.firmware.signingCertificate);
    if (!certificate) return { status: 'InvalidCertificate' };
    if (this.isBusy) return { status: 'Rejected' };
    const { firmware } = request;
    const signed = { certificate, signature: firmware.signature, requestId: request.requestId };
    this.start({ location: firmware.location, retrieveAt: firmware.retrieveDateTime, retries: request.retries, retryInterval: request.retryInterval, signed });
    return { status: 'Accepted' };
  }

  private start(job: Job) {
    if (this.isBusy) return;
    this.isBusy = true;
    this.signedRequestId = job.signed?.requestId ?? null;
    void this.run(job).finally(() => (this.isBusy = false));
  }

  // What a TriggerMessage for FirmwareStatusNotification reports: the status of the update under way, or Idle; a
  // signed update under way is reported as a SignedFirmwareStatusNotification.
  async report() {
    if (this.isBusy && this.signedRequestId !== null) return this.charger.sendSignedFirmwareStatus({ status: this.status, requestId: this.signedRequestId });
    await this.charger.sendFirmwareStatus(this.isBusy ? (this.status as FirmwareStatus) : 'Idle');
  }

  // An ExtendedTriggerMessage's FirmwareStatusNotification is the whitepaper's SignedFirmwareStatusNotification.
  async reportSigned() {
    const requestId = this.isBusy ? this.signedRequestId : null;
    await this.charger.sendSignedFirmwareStatus({ status: this.isBusy ? this.status : 'Idle', ...(requestId !== null && { requestId }) });
  }

  private async setStatus(status: FirmwareStatus | SignedFirmwareStatus, job: Job) {
    this.status = status;
    const sent = job.signed
      ? this.charger.sendSignedFirmwareStatus({ status, requestId: job.signed.requestId })
      : this.charger.sendFirmwareStatus(status as FirmwareStatus);
    await sent.catch(() => {});
  }

  private async run(job: Job) {
    await sleep(Math.max(0, Date.parse(job.retrieveAt) - Date.now()));
    await this.setStatus('Downloading', job);
    const bytes = await this.download(job);
    if (!bytes) return this.setStatus('DownloadFailed', job);
    this.downloads.push({ location: job.location, bytes });
    await this.setStatus('Downloaded', job);
    if (job.signed) {
      if (!isSignatureValid(bytes, job.signed.certificate, job.signed.signature)) return this.setStatus('InvalidSignature', job);
      await this.setStatus('SignatureVerified', job);
    }
    await this.setStatus('Installing', job);
    await sleep(this.options.installMs ?? 200);
    this.version = this.options.versionAfterUpdate ?? versionFromLocation(job.location);
    await this.setStatus('Installed', job);
    this.status = 'Idle';
    await this.charger.reboot();
  }

  private async download({ location, retries, retryInterval }: Job) {
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
