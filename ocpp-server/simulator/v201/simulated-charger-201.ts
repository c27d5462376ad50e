import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { RPCClient } from '../../src/ocpp/rpc';
import { callV201, type ChargingProfileType, type ConnectorStatusEnumType, type V201Requests, type V201Responses, type V201ServerAction } from '../../src/ocpp/v201';
import { DEFAULT_ELECTRICAL, type Electrical } from '../../../domain/smart-charging/profile';
import { SimulatorCertificates } from '../certificates';
import type { SmartChargingOptions } from '../charging-profiles';
import { SimulatorClientCertificate } from '../client-certificate';
import { answerCertificates } from './certificate-calls';
import { SimulatorChargingProfiles201 } from './charging-profiles-201';
import type { LocalAuthList, LocalListOptions } from '../local-auth-list';
import { answerFirmwareAndLogs, type FirmwareAndLogOptions } from './firmware-and-logs-201';
import { answerLocalList, localListVariable } from './local-list-201';
import { answerProfilesAndReservations } from './profile-calls';
import { SimulatorReservations201 } from './reservations-201';
import { simulatedDeviceModel, type SimulatedVariable } from './device-model';
import { serveDeviceModel } from './device-model-requests';
import { endedEvent, startedEvent, updatedEvent, type Session201 } from './transaction-events';
import { TransactionEventQueue } from './transaction-event-queue';
import { SimulatedEvseConnectors } from './evse-connectors-201';

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
  // ocpp-rpc's reconnect backoff (exponential, randomised by ±50%).
  backoff?: { initialDelay: number; maxDelay: number };
} & FirmwareAndLogOptions;

const METER_START_WH = 1_000;

// alias: the number its charging profiles know the transaction by (charging-profiles-201.ts).
type Running = Session201 & { timer: NodeJS.Timeout; alias: number; startedAt: Date };

// A charging station speaking OCPP 2.0.1: boots, reports its EVSEs, authorizes cards, runs transactions with
// TransactionEvents carrying meter values, and answers the platform's requests the 2.0.1 way.
export class SimulatedCharger201 extends EventEmitter {
  readonly client: InstanceType<typeof RPCClient>;
  // Its TransactionEvents, kept while offline and sent in order (E04).
  readonly transactionEvents: TransactionEventQueue;
  private readonly sessions = new Map<number, Running>();
  private readonly meterWh = new Map<number, number>();
  private heartbeat: NodeJS.Timeout | undefined;
  private isStopped = false;
  private aliases = 0;
  readonly receivedCalls: string[] = [];
  readonly chargingProfiles: SimulatorChargingProfiles201;
  readonly reservations: SimulatorReservations201;
  readonly connectors: SimulatedEvseConnectors;
  // Its components and variables, as GetBaseReport reports them and SetVariables changes them.
  readonly deviceModel: SimulatedVariable[];
  readonly firmware: ReturnType<typeof answerFirmwareAndLogs>['firmware'];
  readonly diagnostics: ReturnType<typeof answerFirmwareAndLogs>['diagnostics'];
  readonly localList: LocalAuthList;
  readonly certificates = new SimulatorCertificates();
  readonly clientCertificate = new SimulatorClientCertificate();

  constructor(readonly options: SimulatedCharger201Options) {
    super();
    this.client = new RPCClient({
      endpoint: options.url,
      identity: options.identity,
      password: options.password ?? null,
      protocols: ['ocpp2.0.1'],
      strictMode: true,
      reconnect: true,
      ...(options.backoff ? { backoff: { factor: 2, randomisationFactor: 0.5, ...options.backoff } } : {}),
    } as ConstructorParameters<typeof RPCClient>[0]);
    this.transactionEvents = new TransactionEventQueue(this.client);
    this.chargingProfiles = new SimulatorChargingProfiles201(this, options.smartCharging);
    this.connectors = new SimulatedEvseConnectors(options.twoConnectorEvse);
    this.reservations = new SimulatorReservations201(this);
    this.deviceModel = simulatedDeviceModel({ evses: options.evses, heartbeatIntervalSec: 300 });
    this.handleRequests();
    answerProfilesAndReservations(this);
    ({ firmware: this.firmware, diagnostics: this.diagnostics } = answerFirmwareAndLogs(this, options));
    this.localList = answerLocalList(this, options.localList);
    answerCertificates(this, this.certificates, this.clientCertificate);
  }

  // A02: a CSR for its own key pair; the certificate comes back as CertificateSigned.
  async requestCertificate(certificateType: 'ChargingStationCertificate' | 'V2GCertificate' = 'ChargingStationCertificate') {
    const csr = await this.clientCertificate.csr(this.options.identity);
    return (await callV201(this.client, 'SignCertificate', { csr, certificateType })).status;
  }

  reportSecurityEvent(type: string, techInfo?: string) {
    return callV201(this.client, 'SecurityEventNotification', { type, timestamp: new Date().toISOString(), ...(techInfo ? { techInfo } : {}) });
  }

  get evses() {
    return this.options.evses;
  }

  session(evseId: number) {
    return this.sessions.get(evseId) ?? null;
  }

  // What the EVSE's energy register reads now, in Wh (it starts at 1,000).
  meterReading(evseId: number) {
    return this.sessions.get(evseId)?.meterWh ?? this.meterWh.get(evseId) ?? METER_START_WH;
  }

  get hardwareMaxW() {
    return this.options.powerW ?? 7_400;
  }

  get electrical() {
    return this.options.electrical ?? DEFAULT_ELECTRICAL;
  }

  // The current it draws on each of its phases now.
  currentA(evseId: number) {
    return this.sessions.has(evseId) ? this.powerW(evseId) / (this.electrical.voltage * this.electrical.phases) : 0;
  }

  // What the EVSE draws now: the car takes what the composite limit of its profiles allows.
  powerW(evseId: number) {
    return Math.max(0, Math.min(this.hardwareMaxW, this.chargingProfiles.limitW(evseId)));
  }

  get isConnected() {
    return this.client.state === RPCClient.OPEN;
  }

  get openTransactionIds() {
    return [...this.sessions.values()].map((session) => session.transactionId);
  }

  async start() {
    await this.client.connect();
    const boot = await callV201(this.client, 'BootNotification', { reason: 'PowerUp', chargingStation: this.chargingStation });
    this.beatEvery(boot.interval);
    for (let evseId = 1; evseId <= this.options.evses; evseId++) for (const connectorId of this.connectors.of(evseId)) await this.reportStatus(evseId, 'Available', connectorId);
  }

  // Offline, the station decides from its Local Authorization List alone (C13; an unknown card is refused).
  async authorize(idTag: string) {
    if (!this.isConnected) return this.localList.authorize(idTag);
    const answer = await callV201(this.client, 'Authorize', { idToken: { idToken: idTag, type: 'ISO14443' } });
    return answer.idTokenInfo.status;
  }

  // A card at the reader (authorized first) or the platform's remote start: cable in, then the transaction. txProfile:
  // the TxProfile a RequestStartTransaction carried, bound to the transaction it starts (K05).
  async startSession(evseId: number, idTag: string, { remoteStartId, txProfile }: { remoteStartId?: number; txProfile?: ChargingProfileType } = {}) {
    if (this.sessions.has(evseId)) throw new Error(`EVSE ${evseId} is busy`);
    if (!this.reservations.held.admits(evseId, idTag)) return false;
    if (remoteStartId === undefined && (await this.authorize(idTag)) !== 'Accepted') return false;
    await this.reportStatus(evseId, 'Occupied');
    const reservationId = this.reservations.held.use(evseId, idTag);
    const session: Session201 = { transactionId: randomUUID(), evseId, connectorId: this.connectors.pluggedInto(evseId), seqNo: 0, meterWh: this.meterReading(evseId), idTag, remoteStartId, reservationId };
    const timer = setInterval(() => void this.sample(evseId), this.options.meterIntervalMs);
    const running: Running = { ...session, timer, alias: ++this.aliases, startedAt: new Date() };
    this.sessions.set(evseId, running);
    if (txProfile) this.chargingProfiles.set({ evseId, chargingProfile: txProfile });
    running.isSuspended = this.powerW(evseId) <= 0;
    await this.transactionEvents.push(startedEvent({ session: running, powerW: this.powerW(evseId), timestamp: new Date().toISOString() }));
    this.emit('transactionStarted', { evseId, transactionId: session.transactionId });
    return true;
  }

  async stopSession(evseId: number, reason: Parameters<typeof endedEvent>[1] = 'Local') {
    const session = this.sessions.get(evseId);
    if (!session) return;
    clearInterval(session.timer);
    this.sessions.delete(evseId);
    this.chargingProfiles.endTransaction(evseId);
    this.meterWh.set(evseId, session.meterWh);
    // Offline, the Ended event waits in the queue and the EVSE's status is reported once the link is back.
    const ended = this.transactionEvents.push(endedEvent({ session, powerW: 0, timestamp: new Date().toISOString() }, reason));
    if (!this.isConnected) {
      this.emit('transactionStopped', { evseId, transactionId: session.transactionId });
      return;
    }
    await ended;
    await this.reportStatus(evseId, 'Available');
    this.emit('transactionStopped', { evseId, transactionId: session.transactionId });
  }

  async stop() {
    this.isStopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const session of this.sessions.values()) clearInterval(session.timer);
    this.transactionEvents.stop();
    await this.client.close({ force: true });
  }

  // The interval the platform gave at boot, until SetVariables changes OCPPCommCtrlr.HeartbeatInterval.
  private beatEvery(intervalSec: number) {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => void callV201(this.client, 'Heartbeat', {}).catch(() => {}), intervalSec * 1000);
    const variable = this.deviceModel.find((entry) => entry.variable.name === 'HeartbeatInterval');
    if (variable) variable.value = String(intervalSec);
  }

  private async sample(evseId: number) {
    const session = this.sessions.get(evseId);
    if (!session) return;
    if (this.isConnected) await this.reviewLimits();
    session.meterWh += Math.round((this.powerW(evseId) * this.options.meterIntervalMs) / 3_600_000);
    // Offline, the meter runs on and its readings wait in the queue.
    await this.transactionEvents.push(updatedEvent({ session, powerW: this.powerW(evseId), timestamp: new Date().toISOString() })).catch(() => {});
  }

  // Suspends a transaction its profiles hold at 0, and resumes it when they allow power again, saying so at once.
  async reviewLimits() {
    for (const [evseId, session] of this.sessions) {
      const isHeld = this.powerW(evseId) <= 0;
      if (isHeld === Boolean(session.isSuspended)) continue;
      session.isSuspended = isHeld;
      const event = updatedEvent({ session, powerW: this.powerW(evseId), timestamp: new Date().toISOString() }, 'ChargingStateChanged');
      if (this.isConnected) await this.transactionEvents.push(event).catch(() => {});
    }
  }

  reportReservationEnd(reservationId: number) {
    return callV201(this.client, 'ReservationStatusUpdate', { reservationId, reservationUpdateStatus: 'Expired' });
  }

  // Reset Immediate (B12): its transactions end (ImmediateReset), then it boots again on the same connection.
  async reset() {
    for (const evseId of [...this.sessions.keys()]) await this.stopSession(evseId, 'ImmediateReset');
    await callV201(this.client, 'BootNotification', { reason: 'RemoteReset', chargingStation: this.chargingStation });
    this.emit('rebooted');
  }

  // New firmware installed (L01): its transactions end, and it boots again reporting the version it now runs.
  async rebootAfterFirmware() {
    for (const evseId of [...this.sessions.keys()]) await this.stopSession(evseId, 'Reboot');
    if (!this.isConnected) return;
    await callV201(this.client, 'BootNotification', { reason: 'FirmwareUpdate', chargingStation: this.chargingStation });
    this.emit('rebooted', { firmwareVersion: this.firmware.version });
  }

  // SecurityCtrlr.BasicAuthPassword (A01): write-only, 16 to 40 characters; taken, the station closes its connection
  // and logs in again with it.
  private takeNewPassword(data: V201Requests['SetVariables']['setVariableData'][number]) {
    if (data.component.name !== 'SecurityCtrlr' || data.variable.name !== 'BasicAuthPassword') return null;
    const result = { component: data.component, variable: data.variable };
    const answer = this.options.newPasswords ?? 'take';
    if (answer === 'unknownVariable') return { ...result, attributeStatus: 'UnknownVariable' as const };
    const password = data.attributeValue;
    if (answer === 'refuse' || password.length < 16 || password.length > 40) return { ...result, attributeStatus: 'Rejected' as const };
    this.later(() => this.reconnectWith(password));
    return { ...result, attributeStatus: 'Accepted' as const };
  }

  private async reconnectWith(password: string) {
    // ocpp-rpc merges the options given into its own; its types ask for all of them.
    this.client.reconfigure({ password } as unknown as Parameters<typeof this.client.reconfigure>[0]);
    await this.client.close({ code: 1000, awaitPending: true });
    if (!this.isStopped) await this.client.connect();
  }

  get password(): string | null {
    return (this.client as unknown as { _options: { password: string | null } })._options.password;
  }

  private get chargingStation() {
    return { vendorName: 'Chargewatch', model: 'Simulator 2.0.1', serialNumber: this.options.identity, firmwareVersion: this.firmware.version };
  }

  reportStatus(evseId: number, connectorStatus: ConnectorStatusEnumType, connectorId = this.connectors.pluggedInto(evseId)) {
    return callV201(this.client, 'StatusNotification', { timestamp: new Date().toISOString(), connectorStatus, evseId, connectorId });
  }

  // Each answer goes out before what it promises (a transaction, a status) is sent, as a station would.
  later(work: () => Promise<unknown>) {
    setImmediate(() =>
      void work().catch((error: unknown) => {
        if (!this.isStopped) console.error(JSON.stringify({ msg: 'simulated charger call failed', identity: this.options.identity, error: String(error) }));
      }),
    );
  }

  answer<A extends V201ServerAction>(action: A, handler: (params: V201Requests[A]) => Promise<V201Responses[A]>) {
    // Strict mode has validated the params against the action's request schema before this runs.
    this.client.handle(action, async ({ params }: { params?: unknown }) => {
      this.receivedCalls.push(action);
      return handler(params as V201Requests[A]);
    });
  }

  private handleRequests() {
    serveDeviceModel({
      client: this.client,
      model: this.deviceModel,
      later: (work) => this.later(work),
      onSet: (entry) => entry.variable.name === 'HeartbeatInterval' && this.beatEvery(Number(entry.value)),
      live: (data) => localListVariable(this.localList, data),
      write: (data) => this.takeNewPassword(data),
    });
    this.answer('RequestStartTransaction', async (params) => {
      const evseId = params.evseId ?? [...Array(this.options.evses).keys()].map((i) => i + 1).find((id) => !this.sessions.has(id));
      if (this.options.rejectsRemoteStarts || evseId === undefined || this.sessions.has(evseId)) return { status: 'Rejected' };
      if (!this.reservations.held.admits(evseId, params.idToken.idToken)) return { status: 'Rejected' };
      const txProfile = params.chargingProfile;
      // K05: only a TxProfile may ride on a remote start.
      if (txProfile && txProfile.chargingProfilePurpose !== 'TxProfile') return { status: 'Rejected' };
      this.later(() => this.startSession(evseId, params.idToken.idToken, { remoteStartId: params.remoteStartId, ...(txProfile ? { txProfile } : {}) }));
      return { status: 'Accepted' };
    });
    this.answer('RequestStopTransaction', async (params) => {
      const session = [...this.sessions.values()].find((running) => running.transactionId === params.transactionId);
      if (!session) return { status: 'Rejected' };
      this.later(() => this.stopSession(session.evseId, 'Remote'));
      return { status: 'Accepted' };
    });
    // OnIdle with a transaction running: the reset waits for it (Scheduled); the simulator then does not reset.
    this.answer('Reset', async (params) => {
      if (params.type === 'OnIdle' && this.sessions.size > 0) return { status: 'Scheduled' };
      this.later(() => this.reset());
      return { status: 'Accepted' };
    });
    this.answer('UnlockConnector', async (params) => ({ status: params.evseId <= this.options.evses && this.connectors.has(params.evseId, params.connectorId) ? 'Unlocked' : 'UnknownConnector' }));
    this.answer('ChangeAvailability', async (params) => {
      const status = params.operationalStatus === 'Operative' ? 'Available' : 'Unavailable';
      const evses = params.evse ? [params.evse.id] : [...Array(this.options.evses).keys()].map((i) => i + 1);
      this.later(() => Promise.all(evses.filter((id) => !this.sessions.has(id)).map((id) => this.reportStatus(id, status))));
      return { status: 'Accepted' };
    });
    this.answer('TriggerMessage', async (params) => {
      if (params.requestedMessage === 'Heartbeat') this.later(() => callV201(this.client, 'Heartbeat', {}));
      else if (params.requestedMessage === 'SignChargingStationCertificate') this.later(() => this.requestCertificate());
      else if (params.requestedMessage === 'StatusNotification') this.later(() => this.reportStatus(params.evse?.id ?? 1, this.sessions.has(params.evse?.id ?? 1) ? 'Occupied' : 'Available'));
      else if (params.requestedMessage === 'FirmwareStatusNotification') this.later(() => this.firmware.report());
      else if (params.requestedMessage === 'LogStatusNotification') this.later(() => this.diagnostics.reportCurrentLogStatus());
      else return { status: 'NotImplemented' };
      return { status: 'Accepted' };
    });
  }
}
