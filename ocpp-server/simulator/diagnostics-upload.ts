import type { DiagnosticsStatusNotificationRequest, GetDiagnosticsRequest, GetDiagnosticsResponse } from '../src/ocpp/v16';
import type { RpcClient } from '../src/ocpp/rpc';

// How the simulated charger sends its file: a raw PUT, a raw POST, or a POST of a multipart/form-data form.
export type DiagnosticsUploadMethod = 'put' | 'post' | 'multipart';

type DiagnosticsStatus = DiagnosticsStatusNotificationRequest['status'];
type LogLine = { at: Date; text: string };

type DiagnosingCharger = {
  readonly identity: string;
  readonly client: RpcClient;
  reportDiagnosticsStatus(status: DiagnosticsStatus): Promise<void>;
};

const KEPT_LINES = 500;

// GetDiagnostics as a charge point runs it (OCPP 1.6 §5.7, §4.4): it answers with the name of the file it will make,
// reports Uploading, uploads a log of its recent OCPP traffic (within startTime/stopTime) to the location over HTTP,
// retrying `retries` times `retryInterval` seconds apart, then reports Uploaded or UploadFailed.
export class SimulatorDiagnostics {
  private readonly lines: LogLine[] = [];
  private status: DiagnosticsStatus = 'Idle';
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
    const fileName = `${this.charger.identity}-diagnostics-${new Date().toISOString().replace(/[:.]/g, '-')}.log`;
    const content = this.logFile(request);
    setImmediate(() => void this.upload(request, fileName, content).catch(() => {}));
    return { fileName };
  }

  private logFile({ startTime, stopTime }: GetDiagnosticsRequest) {
    const from = startTime ? Date.parse(startTime) : -Infinity;
    const until = stopTime ? Date.parse(stopTime) : Infinity;
    const lines = this.lines.filter((line) => line.at.getTime() >= from && line.at.getTime() <= until);
    return [`Chargewatch simulator ${this.charger.identity} diagnostics`, ...lines.map((line) => `${line.at.toISOString()} ${line.text}`), ''].join('\n');
  }

  private async report(status: DiagnosticsStatus) {
    this.status = status;
    // A report lost to a dropped connection does not stop the upload.
    await this.charger.reportDiagnosticsStatus(status).catch(() => {});
  }

  private async upload(request: GetDiagnosticsRequest, fileName: string, content: string) {
    await this.report('Uploading');
    const attempts = 1 + (request.retries ?? 0);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (await this.send(request.location, fileName, content)) return this.report('Uploaded');
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, (request.retryInterval ?? 0) * 1000));
    }
    await this.report('UploadFailed');
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
