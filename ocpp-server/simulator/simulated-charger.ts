import { EventEmitter } from 'node:events';
import { createRPCError, RPCClient, type RpcClient } from '../src/ocpp/rpc';
import {
  callV16,
  type DiagnosticsStatusNotificationRequest,
  type FirmwareStatusNotificationRequest,
  type LogStatusNotificationRequest,
  type RemoteStartTransactionRequest,
  type SecurityEventNotificationRequest,
  type SignedFirmwareStatusNotificationRequest,
  type StatusNotificationRequest,
  type StopTransactionRequest,
} from '../src/ocpp/v16';
import { DEFAULT_ELECTRICAL, type Electrical } from '../../domain/smart-charging/profile';
import { answerCentralSystemCalls } from './central-system-calls';
import { SimulatorChargingProfiles, type SmartChargingOptions } from './charging-profiles';
import { SimulatorDiagnostics, type DiagnosticsUploadMethod } from './diagnostics-upload';
import { LocalAuthList, type LocalListOptions } from './local-auth-list';
import { meterValuesRequest } from './meter-values';
import { featureProfiles } from './feature-profiles';
import { SimulatorFirmware, type FirmwareOptions } from './firmware-update';
import { SimulatorCertificates } from './certificates';
import { SimulatorClientCertificate, type ClientCertificateOptions } from './client-certificate';
import { SimulatorReservations } from './reservations';
import { RunningMeter } from './running-meter';
import { TransactionQueue } from './transaction-queue';

export type SimulatedChargerOptions = {
  url: string;
  identity: string;
  password?: string;
  connectors?: number;
  meterIntervalMs?: number;
  heartbeatIntervalMs?: number;
  powerW?: number;
  // The phases it is wired to and their voltage (three at 230 V by default).
  electrical?: Electrical;
  callTimeoutMs?: number;
  backoff?: { initialDelay: number; maxDelay: number };
  // Central system calls this charger never answers, to exercise the platform's timeouts.
  ignoreActions?: string[];
  // How long it takes to answer each central system call (a cellular round trip, a busy controller); none by default.
  answerDelayMs?: number;
  // AuthorizeRemoteTxRequests (OCPP 1.6 §9.1): the charger sends Authorize with the idTag of a RemoteStartTransaction
  // and starts only if it is Accepted, as many real chargers do.
  authorizesRemoteStarts?: boolean;
  // Timestamps without a UTC offset (`2026-12-01T10:00:00`, in UTC), as some chargers send them.
  naiveTimestamps?: boolean;
  // SecurityEventNotifications (OCPP 1.6 security whitepaper) sent after each BootNotification is accepted.
  securityEventsAtBoot?: SecurityEvent[];
  // Ships with MeterValueSampleInterval 0 (no readings during a session) and only the energy register sampled, as
  // some chargers do; it then samples as ChangeConfiguration sets those keys, and refuses a list naming a measurand
  // it does not offer (SoC: an AC charger does not know the car's battery level).
  bootsWithSamplingOff?: boolean;
  // Sends one more periodic reading of the session just after its StopTransaction, stamped after the stop.
  readingsAfterStop?: boolean;
  // Keeps its StatusNotifications while offline and replays them, with the timestamps they were made at, after the
  // fresh ones it sends on reconnecting (its transaction messages are kept and replayed in order in any case).
  replaysOfflineQueue?: boolean;
  // Implements the Reservation profile (the default); false: answers ReserveNow and CancelReservation NotImplemented
  // and leaves Reservation out of SupportedFeatureProfiles.
  supportsReservations?: boolean;
  // Its Local Authorization List: whether it supports one, and its size limits.
  localList?: LocalListOptions;
  // How it uploads the file a GetDiagnostics asks for (PUT by default).
  diagnosticsUpload?: DiagnosticsUploadMethod;
  // Its firmware version and how it takes an UpdateFirmware.
  firmware?: FirmwareOptions;
  // Implements the security whitepaper's messages (the default: GetLog, ExtendedTriggerMessage, SignedUpdateFirmware,
  // with its SecurityProfile key); false: answers them NotImplemented and has no SecurityProfile key.
  supportsSecurityExtension?: boolean;
  // Answers every RemoteStartTransaction Rejected, as a charger does that waits for a cable or takes no remote starts.
  rejectsRemoteStarts?: boolean;
  // How it answers a ChangeConfiguration of AuthorizationKey: takes the new password and reconnects with it (the
  // default), refuses it, or does not know the key (a charger without the 1.6 security extensions).
  newPasswords?: 'take' | 'refuse' | 'unknownKey';
  // Its Smart Charging profile: whether it implements it, refuses every profile, and its limits.
  smartCharging?: SmartChargingOptions;
  // Security profile 3: the server CA it trusts over wss, and whether it logs in again with a signed certificate.
  clientCertificate?: ClientCertificateOptions;
};

const AUTHORIZATION_KEY = 'AuthorizationKey';
const SECURITY_PROFILE_KEY = 'SecurityProfile';

// Reconnection delays unless the options give others; the first connection is retried at the same pace.
const DEFAULT_BACKOFF = { initialDelay: 500, maxDelay: 10_000 };

// What a charger with sampling configured by the central system offers (bootsWithSamplingOff).
const OFFERED_MEASURANDS = new Set(['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import']);

export type SecurityEvent = Omit<SecurityEventNotificationRequest, 'timestamp'>;

export type { LocalListEntry } from './local-auth-list';
type ConnectorStatus = StatusNotificationRequest['status'];
type ErrorCode = StatusNotificationRequest['errorCode'];
type StopReason = NonNullable<StopTransactionRequest['reason']>;
type RemoteStartProfile = NonNullable<RemoteStartTransactionRequest['chargingProfile']>;
// The messages this simulator sends when the central system triggers them.
export type TriggerableMessage = 'BootNotification' | 'Heartbeat' | 'StatusNotification' | 'MeterValues';

// isSuspended: its charging profiles hold it at 0 W, and it reports SuspendedEVSE (OCPP 1.6 §4.9).
type Session = { idTag: string; transactionId: number | null; meterWh: number; meter: RunningMeter; timer: NodeJS.Timeout | null; startedAt: Date; isSuspended: boolean };

export class SimulatedCharger extends EventEmitter {
  readonly client: RpcClient;
  readonly queue: TransactionQueue;
  readonly configuration: Map<string, string>;
  readonly errors: unknown[] = [];
  readonly receivedCalls: string[] = [];
  readonly localList: LocalAuthList;
  readonly reservations: SimulatorReservations;
  readonly certificates: SimulatorCertificates;
  readonly clientCertificate: SimulatorClientCertificate;
  readonly diagnostics: SimulatorDiagnostics;
  readonly firmware: SimulatorFirmware;
  readonly chargingProfiles: SimulatorChargingProfiles;
  private readonly sessions = new Map<number, Session>();
  // Each connector's energy register between sessions (a running session carries its own).
  private readonly meterWh = new Map<number, number>();
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly offlineStatuses: StatusNotificationRequest[] = [];
  private isStopped = false;

  constructor(readonly options: SimulatedChargerOptions) {
    super();
    this.localList = new LocalAuthList(options.localList);
    this.chargingProfiles = new SimulatorChargingProfiles(this, options.smartCharging);
    this.configuration = new Map([
      ...this.localList.configurationKeys(),
      ['HeartbeatInterval', '300'],
      ['MeterValueSampleInterval', options.bootsWithSamplingOff ? '0' : '5'],
      ['MeterValuesSampledData', options.bootsWithSamplingOff ? 'Energy.Active.Import.Register' : 'Energy.Active.Import.Register,Power.Active.Import'],
      ['AuthorizeRemoteTxRequests', String(options.authorizesRemoteStarts ?? false)],
      ...this.chargingProfiles.configurationKeys(),
      [
        'SupportedFeatureProfiles',
        featureProfiles({ reservations: options.supportsReservations ?? true, localList: this.localList.isListedInProfiles, smartCharging: this.chargingProfiles.isSupported }),
      ],
      ...(this.supportsSecurityExtension ? [[SECURITY_PROFILE_KEY, '1'] as const] : []),
    ]);
    this.reservations = new SimulatorReservations(this, options.supportsReservations ?? true);
    this.certificates = new SimulatorCertificates();
    this.clientCertificate = new SimulatorClientCertificate(options.clientCertificate);
    this.firmware = new SimulatorFirmware(this, options.firmware);
    this.client = new RPCClient({
      endpoint: options.url,
      identity: options.identity,
      password: options.password ?? null,
      protocols: ['ocpp1.6'],
      strictMode: true,
      reconnect: true,
      callTimeoutMs: options.callTimeoutMs ?? 30_000,
      backoff: { factor: 2, randomisationFactor: 0.5, ...(options.backoff ?? DEFAULT_BACKOFF) },
      ...(options.clientCertificate?.serverCa ? { wsOpts: { ca: options.clientCertificate.serverCa } } : {}),
    } as ConstructorParameters<typeof RPCClient>[0]);
    this.queue = new TransactionQueue(this.client, (error) => this.errors.push(error));
    this.diagnostics = new SimulatorDiagnostics(this, options.diagnosticsUpload);
    answerCentralSystemCalls(this, new Set(options.ignoreActions ?? []));
    this.client.on('open', () => void this.afterReconnect());
  }

  get identity() {
    return this.options.identity;
  }

  get isConnected() {
    return this.client.state === RPCClient.OPEN;
  }

  get supportsSecurityExtension() {
    return this.options.supportsSecurityExtension ?? true;
  }

  get connectorCount() {
    return this.options.connectors ?? 1;
  }

  async start() {
    await this.connectWithRetry();
    const boot = await callV16(this.client, 'BootNotification', this.bootRequest());
    await this.reportSecurityEvents();
    const everyMs = this.options.heartbeatIntervalMs ?? boot.interval * 1000;
    this.heartbeat = setInterval(() => void this.trigger('Heartbeat').catch(() => {}), everyMs);
    await this.trigger('StatusNotification');
  }

  private bootRequest() {
    return { chargePointVendor: 'Chargewatch', chargePointModel: 'Simulator', chargePointSerialNumber: this.identity, firmwareVersion: this.firmware.version };
  }

  private async connectWithRetry() {
    const { initialDelay, maxDelay } = this.options.backoff ?? DEFAULT_BACKOFF;
    for (let attempt = 0; !this.isStopped; attempt++) {
      try {
        await this.client.connect();
        return;
      } catch (error) {
        const status = (error as { code?: number }).code;
        if (status === 401 || status === 404) throw error;
        const delay = Math.min(maxDelay, initialDelay * 2 ** attempt) * (0.5 + Math.random());
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  // Heartbeats start once start() has booted the charger: before that, an 'open' is its first connection.
  private get hasBooted() {
    return this.heartbeat !== null;
  }

  private async afterReconnect() {
    if (this.hasBooted) await this.trigger('StatusNotification').catch(() => {});
    for (const status of this.offlineStatuses.splice(0)) await callV16(this.client, 'StatusNotification', status).catch(() => {});
  }

  // TriggerMessage (1.6 §5.17): with a connectorId, StatusNotification and MeterValues are about that connector only.
  async trigger(message: TriggerableMessage, connectorId?: number) {
    if (message === 'Heartbeat') await callV16(this.client, 'Heartbeat', {});
    if (message === 'BootNotification') {
      await callV16(this.client, 'BootNotification', this.bootRequest());
      await this.reportSecurityEvents();
    }
    if (message === 'StatusNotification') {
      for (const id of this.connectorIds(connectorId, 0)) await this.sendStatus(id, this.sessionStatus(id) ?? (this.reservations.isReserved(id) ? 'Reserved' : 'Available'));
    }
    if (message === 'MeterValues') {
      for (const id of this.connectorIds(connectorId, 1)) await callV16(this.client, 'MeterValues', this.currentReading(id));
    }
  }

  private connectorIds(only: number | undefined, from: number) {
    if (only !== undefined) return [only];
    return Array.from({ length: this.connectorCount - from + 1 }, (_, index) => from + index);
  }

  // The register as it stands now, outside the periodic sampling (a triggered reading).
  private currentReading(connectorId: number) {
    const session = this.sessions.get(connectorId);
    const meterWh = this.meterReading(connectorId);
    const powerW = session ? this.powerW(connectorId) : 0;
    return meterValuesRequest({ connectorId, transactionId: session?.transactionId ?? null, meterWh, powerW, timestamp: this.now(), electrical: this.electrical });
  }

  async sendStatus(connectorId: number, status: ConnectorStatus, errorCode: ErrorCode = 'NoError') {
    const notification = { connectorId, errorCode, status, timestamp: this.now() };
    if (!this.isConnected) {
      if (this.options.replaysOfflineQueue) this.offlineStatuses.push(notification);
      return;
    }
    await callV16(this.client, 'StatusNotification', notification);
  }

  async reportDiagnosticsStatus(status: DiagnosticsStatusNotificationRequest['status']) {
    await callV16(this.client, 'DiagnosticsStatusNotification', { status });
  }

  async reportLogStatus(report: LogStatusNotificationRequest) {
    await callV16(this.client, 'LogStatusNotification', report);
  }

  private async reportSecurityEvents() {
    for (const event of this.options.securityEventsAtBoot ?? []) await callV16(this.client, 'SecurityEventNotification', { ...event, timestamp: this.now() });
  }

  // The charger's clock as it writes it in its messages.
  now(at = new Date()) {
    const iso = at.toISOString();
    return this.options.naiveTimestamps ? iso.slice(0, 19) : iso;
  }

  async authorize(idTag: string) {
    const result = await callV16(this.client, 'Authorize', { idTag });
    this.emit('authorized', { idTag, status: result.idTagInfo.status });
    return result.idTagInfo.status;
  }

  // The connector's energy register, as its meter would show it now.
  meterReading(connectorId: number) {
    const session = this.sessions.get(connectorId);
    if (!session) return this.meterWh.get(connectorId) ?? 0;
    session.meterWh = session.meter.read(this.powerW(connectorId));
    return session.meterWh;
  }

  session(connectorId: number) {
    return this.sessions.get(connectorId) ?? null;
  }

  // What it draws with no charging profile in effect.
  get hardwareMaxW() {
    return this.options.powerW ?? 7400;
  }

  get electrical() {
    return this.options.electrical ?? DEFAULT_ELECTRICAL;
  }

  // The current it draws on each of its phases now.
  currentA(connectorId: number) {
    return this.session(connectorId) ? this.powerW(connectorId) / (this.electrical.voltage * this.electrical.phases) : 0;
  }

  // What the connector draws now: the car takes what the charger's composite limit allows.
  powerW(connectorId: number) {
    return Math.min(this.hardwareMaxW, this.chargingProfiles.limitW(connectorId));
  }

  private sessionStatus(connectorId: number): ConnectorStatus | null {
    const session = this.sessions.get(connectorId);
    if (!session) return null;
    return session.isSuspended ? 'SuspendedEVSE' : 'Charging';
  }

  // Suspends a session its profiles hold at 0, and resumes it when they allow power again.
  reviewLimits() {
    for (const [connectorId, session] of this.sessions) {
      const isHeld = this.powerW(connectorId) <= 0;
      if (isHeld === session.isSuspended) continue;
      session.isSuspended = isHeld;
      void this.sendStatus(connectorId, isHeld ? 'SuspendedEVSE' : 'Charging').catch(() => {});
    }
  }

  freeConnector() {
    for (let connectorId = 1; connectorId <= this.connectorCount; connectorId++) if (!this.sessions.has(connectorId)) return connectorId;
    return null;
  }

  connectorOfTransaction(transactionId: number) {
    for (const [connectorId, session] of this.sessions) if (session.transactionId === transactionId) return connectorId;
    return null;
  }

  // txProfile: the TxProfile a RemoteStartTransaction carried (OCPP 1.6 §5.11), for the transaction it starts.
  async startSession(connectorId: number, idTag: string, { shouldAuthorize = true, txProfile }: { shouldAuthorize?: boolean; txProfile?: RemoteStartProfile } = {}) {
    if (this.sessions.has(connectorId)) throw new Error(`connector ${connectorId} is busy`);
    if (!this.reservations.admits(connectorId, idTag)) return false;
    if (shouldAuthorize && this.isConnected && (await this.authorize(idTag)) !== 'Accepted') return false;
    if (shouldAuthorize && !this.isConnected && this.localList.authorize(idTag) !== 'Accepted') return false;
    const reservationId = this.reservations.use(connectorId, idTag);
    const meterWh = this.meterWh.get(connectorId) ?? 0;
    const session: Session = { idTag, transactionId: null, meterWh, meter: new RunningMeter(meterWh), timer: this.samplingTimer(connectorId), startedAt: new Date(), isSuspended: false };
    this.sessions.set(connectorId, session);
    if (txProfile) this.chargingProfiles.set({ connectorId, csChargingProfiles: txProfile });
    session.isSuspended = this.powerW(connectorId) <= 0;
    const timestamp = this.now();
    this.queue.push({
      action: 'StartTransaction',
      build: () => ({ connectorId, idTag, meterStart: meterWh, timestamp, ...(reservationId !== undefined && { reservationId }) }),
      onResult: (result) => {
        session.transactionId = result.transactionId;
        this.emit('transactionStarted', { connectorId, transactionId: session.transactionId });
      },
    });
    void this.sendStatus(connectorId, this.sessionStatus(connectorId)!).catch(() => {});
    return true;
  }

  // The simulator's own pace, or (bootsWithSamplingOff) MeterValueSampleInterval as last configured, 0 meaning none.
  private sampleIntervalMs() {
    if (!this.options.bootsWithSamplingOff) return this.options.meterIntervalMs ?? 5000;
    const seconds = Number(this.configuration.get('MeterValueSampleInterval'));
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
  }

  private samplingTimer(connectorId: number) {
    const everyMs = this.sampleIntervalMs();
    return everyMs > 0 ? setInterval(() => this.sampleMeter(connectorId), everyMs) : null;
  }

  // A configuration change takes effect for running sessions too.
  changeConfiguration(key: string, value: string): 'Accepted' | 'Rejected' | 'NotSupported' {
    if (key === AUTHORIZATION_KEY) return this.takeNewPassword(value);
    if (key === SECURITY_PROFILE_KEY) return this.takeSecurityProfile(value);
    if (this.options.bootsWithSamplingOff && key === 'MeterValuesSampledData' && value.split(',').some((measurand) => !OFFERED_MEASURANDS.has(measurand.trim()))) return 'Rejected';
    if (this.options.bootsWithSamplingOff && key === 'MeterValueSampleInterval' && !/^\d+$/.test(value)) return 'Rejected';
    this.configuration.set(key, value);
    if (key !== 'MeterValueSampleInterval') return 'Accepted';
    for (const [connectorId, session] of this.sessions) {
      if (session.timer) clearInterval(session.timer);
      session.timer = this.samplingTimer(connectorId);
    }
    return 'Accepted';
  }

  // Write-only (never in GetConfiguration); taken, the charger closes its connection and logs in again with it.
  private takeNewPassword(password: string) {
    const answer = this.options.newPasswords ?? 'take';
    if (answer === 'unknownKey') return 'NotSupported';
    if (answer === 'refuse' || password.length < 16 || password.length > 40) return 'Rejected';
    setImmediate(() => void this.reconnectWith(password).catch((error) => this.errors.push(error)));
    return 'Accepted';
  }

  // 1.6 security whitepaper, SecurityProfile: only ever raised, and only to a profile whose prerequisites the charger
  // has. Taken, it closes its connection and connects again under it, at its wss address.
  private takeSecurityProfile(value: string) {
    if (!this.supportsSecurityExtension) return 'NotSupported';
    const current = Number(this.configuration.get(SECURITY_PROFILE_KEY));
    const wanted = Number(value);
    if (!/^[123]$/.test(value) || wanted < current || !this.clientCertificate.meetsProfile(wanted)) return 'Rejected';
    if (wanted === current) return 'Accepted';
    this.configuration.set(SECURITY_PROFILE_KEY, value);
    setImmediate(() => void this.reconnectSecurely().catch((error) => this.errors.push(error)));
    return 'Accepted';
  }

  private async reconnectSecurely() {
    const wsOpts = await this.clientCertificate.tlsLogin();
    this.client.reconfigure({ endpoint: this.clientCertificate.secureUrl, wsOpts } as unknown as Parameters<typeof this.client.reconfigure>[0]);
    await this.client.close({ code: 1000, awaitPending: true });
    if (!this.isStopped) await this.connectWithRetry();
  }

  private async reconnectWith(password: string) {
    // ocpp-rpc merges the options given into its own; its types ask for all of them.
    this.client.reconfigure({ password } as unknown as Parameters<typeof this.client.reconfigure>[0]);
    await this.client.close({ code: 1000, awaitPending: true });
    if (!this.isStopped) await this.connectWithRetry();
  }

  // Security profile 3: the next logins present the certificate CertificateSigned brought.
  async reconnectWithCertificate() {
    const wsOpts = await this.clientCertificate.tlsLogin();
    this.client.reconfigure({ wsOpts } as unknown as Parameters<typeof this.client.reconfigure>[0]);
    await this.client.close({ code: 1000, awaitPending: true });
    if (!this.isStopped) await this.connectWithRetry();
  }

  get password(): string | null {
    return (this.client as unknown as { _options: { password: string | null } })._options.password;
  }

  private sampleMeter(connectorId: number) {
    const session = this.sessions.get(connectorId);
    if (!session) return;
    this.reviewLimits();
    const powerW = this.powerW(connectorId);
    session.meterWh = session.meter.read(powerW);
    const measurands = this.options.bootsWithSamplingOff ? this.configuration.get('MeterValuesSampledData')!.split(',') : undefined;
    const reading = { connectorId, meterWh: session.meterWh, powerW, timestamp: this.now(), measurands, electrical: this.electrical };
    this.queue.push({ action: 'MeterValues', build: () => meterValuesRequest({ ...reading, transactionId: session.transactionId }) });
  }

  async stopSession(connectorId: number, reason: StopReason = 'Local') {
    const session = this.sessions.get(connectorId);
    if (!session) return;
    if (session.timer) clearInterval(session.timer);
    this.meterReading(connectorId);
    this.sessions.delete(connectorId);
    this.chargingProfiles.endTransaction(connectorId);
    this.meterWh.set(connectorId, session.meterWh);
    const stop = { meterStop: session.meterWh, timestamp: this.now(), reason, idTag: session.idTag };
    this.queue.push({
      action: 'StopTransaction',
      build: () => {
        // The central system refused the StartTransaction, so there is no transactionId to stop (1.6 §4.10 needs
        // one); refused here as ocpp-rpc's strict mode would refuse the null, and the queue moves on.
        if (session.transactionId === null) throw createRPCError('TypeConstraintViolation', 'StopTransaction for a session without a transactionId');
        return { transactionId: session.transactionId, ...stop };
      },
      onResult: () => this.emit('transactionStopped', { connectorId, transactionId: session.transactionId }),
    });
    if (this.options.readingsAfterStop) this.sendReadingAfterStop(connectorId, session);
    void this.sendStatus(connectorId, 'Available').catch(() => {});
  }

  // The register moved on a little (the charger's own consumption) and the sample is stamped after the stop.
  private sendReadingAfterStop(connectorId: number, session: Session) {
    const meterWh = session.meterWh + 5;
    this.meterWh.set(connectorId, meterWh);
    const timestamp = this.now(new Date(Date.now() + 1000));
    this.queue.push({ action: 'MeterValues', build: () => meterValuesRequest({ connectorId, transactionId: session.transactionId, meterWh, powerW: 0, timestamp }) });
  }

  async reset(reason: Extract<StopReason, 'SoftReset' | 'HardReset'>) {
    for (const connectorId of [...this.sessions.keys()]) await this.stopSession(connectorId, reason);
    await this.trigger('BootNotification');
  }

  async sendFirmwareStatus(status: FirmwareStatusNotificationRequest['status']) {
    if (this.isConnected) await callV16(this.client, 'FirmwareStatusNotification', { status });
  }

  async sendSignedFirmwareStatus(report: SignedFirmwareStatusNotificationRequest) {
    if (this.isConnected) await callV16(this.client, 'SignedFirmwareStatusNotification', report);
  }

  // A restart after new firmware: sessions end, the connection closes, and the charger connects and boots again.
  async reboot() {
    for (const connectorId of [...this.sessions.keys()]) await this.stopSession(connectorId, 'Reboot');
    await this.client.close({ awaitPending: true });
    if (this.isStopped) return;
    await this.connectWithRetry();
    await this.trigger('BootNotification');
    this.emit('rebooted', { firmwareVersion: this.firmware.version });
  }

  // Drops the socket as a network failure would; ocpp-rpc then reconnects with backoff.
  dropConnection() {
    (this.client as unknown as { _ws?: { terminate(): void } })._ws?.terminate();
  }

  async stop() {
    this.isStopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const session of this.sessions.values()) if (session.timer) clearInterval(session.timer);
    this.queue.stop();
    await this.client.close({ force: true });
  }
}
