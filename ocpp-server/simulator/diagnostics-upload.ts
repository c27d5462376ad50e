import type { DiagnosticsStatusNotificationRequest, GetDiagnosticsRequest, GetDiagnosticsResponse, GetLogRequest, GetLogResponse, LogStatusNotificationRequest } from '../src/ocpp/v16';
import type { RpcClient } from '../src/ocpp/rpc';

// How the simulated charger sends its file: a raw PUT, a raw POST, or a POST of a multipart/form-data form.
export type DiagnosticsUploadMethod = 'put' | 'post' | 'multipart';

type DiagnosticsStatus = DiagnosticsStatusNotificationRequest['status'];
type LogLine = { at: Date; text: string };

type DiagnosingCharger = {
  readonly identity: string;
  readonly client: RpcClient;
  reportDiagnosticsStatus(status: DiagnosticsStatus): Promise<void>;
  reportLogStatus(report: LogStatusNotificationRequest): Promise<void>;
};

type Upload = { location: string; retries?: number; retryInterval?: number; fileName: string; content: string };
type UploadReports = { report(status: 'Uploading' | 'Uploaded' | 'Failed'): Promise<void> };
type Window = { from?: string; until?: string };

const KEPT_LINES = 500;

// GetDiagnostics as a charge point runs it (OCPP 1.6 §5.7, §4.4): it answers with the name of the file it will make,
// reports Uploading, uploads a log of its recent OCPP traffic (within startTime/stopTime) to the location over HTTP,
// retrying `retries` times `retryInterval` seconds apart, then reports Uploaded or UploadFailed.
export class SimulatorDiagnostics {
  private readonly lines: LogLine[] = [];
  private status: DiagnosticsStatus = 'Idle';
  // The GetLog under way (security whitepaper §4.2), whose requestId its LogStatusNotifications carry.
  private logUnderWay: number | null = null;
  readonly uploads: { method: DiagnosticsUploadMethod; status: number }[] = [];

  constructor(
    private readonly charger: DiagnosingCharger,
    private readonly method: DiagnosticsUploadMethod = 'put',
  ) {
    charger.client.on('message', ({ message, outbound }: { message: string; outbound: boolean }) => {
      this.lines.push({ at: new Date(), text: `${outbound ? 'sent' : 'received'} ${String(message)}` });
      if (this.lines.length > KEPT_LINES) this.lines.shift();
    });
  }

  // What a triggered DiagnosticsStatusNotification says: Idle whenever no upload is under way (1.6 §7.23).
  get currentStatus(): DiagnosticsStatus {
    return this.status === 'Uploading' ? 'Uploading' : 'Idle';
  }

  answer(request: GetDiagnosticsRequest): GetDiagnosticsResponse {
    const fileName = this.fileName('diagnostics');
    const content = this.logFile('diagnostics', { from: request.startTime, until: request.stopTime });
    const reports: UploadReports = { report: (status) => this.report(status === 'Failed' ? 'UploadFailed' : status) };
    setImmediate(() => void this.upload({ ...request, fileName, content }, reports).catch(() => {}));
    return { fileName };
  }

  // What a triggered LogStatusNotification says: Uploading with the request under way, or Idle (whitepaper §4.3).
  get currentLogStatus(): LogStatusNotificationRequest {
    return this.logUnderWay === null ? { status: 'Idle' } : { status: 'Uploading', requestId: this.logUnderWay };
  }

  reportCurrentLogStatus() {
    return this.charger.reportLogStatus(this.currentLogStatus);
  }

  // A new GetLog while one runs cancels the one under way (AcceptedCanceled); its upload is not reported further.
  answerLog(request: GetLogRequest): GetLogResponse {
    const wasBusy = this.logUnderWay !== null;
    this.logUnderWay = request.requestId;
    const kind = request.logType === 'SecurityLog' ? 'security' : 'diagnostics';
    const filename = this.fileName(kind);
    const content = this.logFile(kind, { from: request.log.oldestTimestamp, until: request.log.latestTimestamp });
    const reports: UploadReports = {
      report: async (status) => {
        if (this.logUnderWay !== request.requestId) return;
        if (status !== 'Uploading') this.logUnderWay = null;
        await this.charger.reportLogStatus({ status: status === 'Failed' ? 'UploadFailure' : status, requestId: request.requestId }).catch(() => {});
      },
    };
    const upload = { location: request.log.remoteLocation, retries: request.retries, retryInterval: request.retryInterval, fileName: filename, content };
    setImmediate(() => void this.upload(upload, reports).catch(() => {}));
    return { status: wasBusy ? 'AcceptedCanceled' : 'Accepted', filename };
  }

  private fileName(kind: 'diagnostics' | 'security') {
    return `${this.charger.identity}-${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`;
  }

  // The security log holds the security events the charger reported; the diagnostics log all its recent traffic.
  private logFile(kind: 'diagnostics' | 'security', { from, until }: Window) {
    const start = from ? Date.parse(from) : -Infinity;
    const end = until ? Date.parse(until) : Infinity;
    const lines = this.lines.filter((line) => line.at.getTime() >= start && line.at.getTime() <= end && (kind === 'diagnostics' || line.text.includes('SecurityEventNotification')));
    return [`Chargewatch simulator ${this.charger.identity} ${kind} log`, ...lines.map((line) => `${line.at.toISOString()} ${line.text}`), ''].join('\n');
  }

  private async report(status: DiagnosticsStatus) {
    this.status = status;
    // A report lost to a dropped connection does not stop the upload.
    await this.charger.reportDiagnosticsStatus(status).catch(() => {});
  }

  private async upload({ location, retries, retryInterval, fileName, content }: Upload, { report }: UploadReports) {
    await report('Uploading');
    const attempts = 1 + (retries ?? 0);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (await this.send(location, fileName, content)) return report('Uploaded');
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, (retryInterval ?? 0) * 1000));
    }
    await report('Failed');
  }

  private async send(location: string, fileName: string, content: string) {
    const init = this.requestInit(fileName, content);
    try {
      const response = await fetch(location, init);
      this.uploads.push({ method: this.method, status: response.status });
      return response.ok;
    } catch {
      this.uploads.push({ method: this.method, status: 0 });
      return false;
    }
  }

  private requestInit(fileName: string, content: string): RequestInit {
    if (this.method === 'multipart') {
      const form = new FormData();
      form.set('file', new Blob([content], { type: 'text/plain' }), fileName);
      return { method: 'POST', body: form };
    }
    return { method: this.method.toUpperCase(), body: content, headers: { 'content-type': 'text/plain' } };
  }
}
