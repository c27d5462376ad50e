import { EventEmitter } from 'node:events';
import { RPCClient } from '../../src/ocpp/rpc';
import { callV201, type ChargingProfileType, type ConnectorStatusEnumType, type V201Requests, type V201Responses, type V201ServerAction } from '../../src/ocpp/v201';
import { DEFAULT_ELECTRICAL } from '../../../domain/smart-charging/profile';
import { SimulatorCertificates } from '../certificates';
import { SimulatorClientCertificate } from '../client-certificate';
import type { LocalAuthList } from '../local-auth-list';
import { takeNewPassword } from './basic-auth-password';
import { answerCertificates } from './certificate-calls';
import { SimulatorChargingProfiles201 } from './charging-profiles-201';
import { simulatedDeviceModel, type SimulatedVariable } from './device-model';
import { serveDeviceModel } from './device-model-requests';
import { answerFirmwareAndLogs } from './firmware-and-logs-201';
import { answerLocalList, localListVariable } from './local-list-201';
import { SimulatorNetworkProfiles201 } from './network-profiles-201';
import type { SimulatedCharger201Options } from './options-201';
import { answerProfilesAndReservations } from './profile-calls';
import { SimulatorReservations201 } from './reservations-201';
import { answerStationCalls } from './station-calls';
import { currentPassword, stationClient, type StationClient } from './station-client';
import { SimulatedEvseConnectors } from './evse-connectors-201';
import { TransactionEventQueue } from './transaction-event-queue';
import { SimulatorTransactions201, type StopReason201 } from './transactions-201';

export type { SimulatedCharger201Options } from './options-201';

// A charging station speaking OCPP 2.0.1: boots, reports its EVSEs, authorizes cards, runs transactions with
// TransactionEvents carrying meter values, and answers the platform's requests the 2.0.1 way.
export class SimulatedCharger201 extends EventEmitter {
  readonly client: StationClient;
  // Its TransactionEvents, kept while offline and sent in order (E04).
  readonly transactionEvents: TransactionEventQueue;
  private readonly transactions = new SimulatorTransactions201(this);
  private heartbeat: NodeJS.Timeout | undefined;
  private isStopped = false;
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
  readonly clientCertificate: SimulatorClientCertificate;
  readonly networkProfiles: SimulatorNetworkProfiles201;

  constructor(readonly options: SimulatedCharger201Options) {
    super();
    this.client = stationClient(options);
    this.transactionEvents = new TransactionEventQueue(this.client);
    this.chargingProfiles = new SimulatorChargingProfiles201(this, options.smartCharging);
    this.connectors = new SimulatedEvseConnectors(options.twoConnectorEvse);
    this.reservations = new SimulatorReservations201(this);
    this.deviceModel = simulatedDeviceModel({ evses: options.evses, heartbeatIntervalSec: 300, smartCharging: this.chargingProfiles.stack });
    this.clientCertificate = new SimulatorClientCertificate(options.clientCertificate);
    this.networkProfiles = new SimulatorNetworkProfiles201(options.url, this.deviceModel, this.clientCertificate, options.unreadableNetworkPriority);
    this.serveDeviceModel();
    this.answer('SetNetworkProfile', async (params) => ({ status: this.networkProfiles.set(params.configurationSlot, params.connectionData) }));
    answerStationCalls(this);
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
    return this.transactions.get(evseId);
  }

  // What the EVSE's energy register reads now, in Wh (it starts at 1,000).
  meterReading(evseId: number) {
    return this.transactions.meterReading(evseId);
  }

  get hardwareMaxW() {
    return this.options.powerW ?? 7_400;
  }

  get electrical() {
    return this.options.electrical ?? DEFAULT_ELECTRICAL;
  }

  // The current it draws on each of its phases now.
  currentA(evseId: number) {
    return this.session(evseId) ? this.powerW(evseId) / (this.electrical.voltage * this.electrical.phases) : 0;
  }

  // What the EVSE draws now: the car takes what the composite limit of its profiles allows.
  powerW(evseId: number) {
    return Math.max(0, Math.min(this.hardwareMaxW, this.chargingProfiles.limitW(evseId)));
  }

  get isConnected() {
    return this.client.state === RPCClient.OPEN;
  }

  get openTransactionIds() {
    return this.transactions.transactionIds;
  }

  evseOfTransaction(transactionId: string) {
    return this.transactions.evseOf(transactionId);
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
  startSession(evseId: number, idTag: string, options: { remoteStartId?: number; txProfile?: ChargingProfileType } = {}) {
    return this.transactions.start(evseId, idTag, options);
  }

  stopSession(evseId: number, reason: StopReason201 = 'Local') {
    return this.transactions.stop(evseId, reason);
  }

  async stop() {
    this.isStopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.transactions.stopTimers();
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

  // Suspends a transaction its profiles hold at 0, and resumes it when they allow power again, saying so at once.
  reviewLimits() {
    return this.transactions.reviewLimits();
  }

  reportReservationEnd(reservationId: number) {
    return callV201(this.client, 'ReservationStatusUpdate', { reservationId, reservationUpdateStatus: 'Expired' });
  }

  // Reset (B11, B12): its transactions end (ImmediateReset), then it boots again, through the network profile now
  // first in its priority if that changed (A05), else on the same connection.
  async reset() {
    for (const evseId of this.transactions.evseIds) await this.stopSession(evseId, 'ImmediateReset');
    const slot = this.networkProfiles.switchAtRestart();
    if (slot) await this.reconnectTo(slot.url);
    await callV201(this.client, 'BootNotification', { reason: 'RemoteReset', chargingStation: this.chargingStation });
    this.emit('rebooted');
  }

  // New firmware installed (L01): its transactions end, and it boots again reporting the version it now runs.
  async rebootAfterFirmware() {
    for (const evseId of this.transactions.evseIds) await this.stopSession(evseId, 'Reboot');
    if (!this.isConnected) return;
    await callV201(this.client, 'BootNotification', { reason: 'FirmwareUpdate', chargingStation: this.chargingStation });
    this.emit('rebooted', { firmwareVersion: this.firmware.version });
  }

  // Over wss:// with the server CA it trusts, and its own certificate once it has one (profile 3).
  private async reconnectTo(url: string) {
    const wsOpts = await this.clientCertificate.tlsLogin();
    this.client.reconfigure({ endpoint: url, wsOpts } as unknown as Parameters<typeof this.client.reconfigure>[0]);
    await this.client.close({ code: 1000, awaitPending: true });
    if (!this.isStopped) await this.client.connect();
  }

  get password(): string | null {
    return currentPassword(this.client);
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

  private serveDeviceModel() {
    serveDeviceModel({
      client: this.client,
      model: this.deviceModel,
      later: (work) => this.later(work),
      onSet: (entry) => entry.variable.name === 'HeartbeatInterval' && this.beatEvery(Number(entry.value)),
      live: (data) => localListVariable(this.localList, data) ?? this.networkProfiles.readPriority(data),
      write: (data) => takeNewPassword({ client: this.client, answer: this.options.newPasswords, later: (work) => this.later(work), isStopped: () => this.isStopped }, data) ?? this.networkProfiles.setPriority(data),
    });
  }
}
