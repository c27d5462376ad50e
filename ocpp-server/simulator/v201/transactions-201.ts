import { randomUUID } from 'node:crypto';
import type { ChargingProfileType } from '../../src/ocpp/v201';
import { RunningMeter } from '../running-meter';
import type { SimulatedCharger201 } from './simulated-charger-201';
import { endedEvent, startedEvent, updatedEvent, type Session201 } from './transaction-events';

const METER_START_WH = 1_000;

// alias: the number its charging profiles know the transaction by (charging-profiles-201.ts).
type Running = Session201 & { timer: NodeJS.Timeout; alias: number; startedAt: Date; meter: RunningMeter };

export type StopReason201 = Parameters<typeof endedEvent>[1];

// The station's transactions, one at most per EVSE: started and ended with their TransactionEvents, read on their
// meter every interval, and suspended or resumed as their charging profiles allow.
export class SimulatorTransactions201 {
  private readonly running = new Map<number, Running>();
  private readonly meterWh = new Map<number, number>();
  private aliases = 0;

  constructor(private readonly charger: SimulatedCharger201) {}

  get(evseId: number) {
    return this.running.get(evseId) ?? null;
  }

  get evseIds() {
    return [...this.running.keys()];
  }

  get transactionIds() {
    return [...this.running.values()].map((session) => session.transactionId);
  }

  evseOf(transactionId: string) {
    return [...this.running.values()].find((session) => session.transactionId === transactionId)?.evseId ?? null;
  }

  // What the EVSE's energy register reads now, in Wh (it starts at 1,000).
  meterReading(evseId: number) {
    const session = this.running.get(evseId);
    if (session) return session.meter.read(this.charger.powerW(evseId));
    return this.meterWh.get(evseId) ?? METER_START_WH;
  }

  async start(evseId: number, idTag: string, { remoteStartId, txProfile }: { remoteStartId?: number; txProfile?: ChargingProfileType }) {
    const { charger } = this;
    if (this.running.has(evseId)) throw new Error(`EVSE ${evseId} is busy`);
    if (!charger.reservations.held.admits(evseId, idTag)) return false;
    if (remoteStartId === undefined && (await charger.authorize(idTag)) !== 'Accepted') return false;
    await charger.reportStatus(evseId, 'Occupied');
    const reservationId = charger.reservations.held.use(evseId, idTag);
    const session: Session201 = { transactionId: randomUUID(), evseId, connectorId: charger.connectors.pluggedInto(evseId), seqNo: 0, meterWh: this.meterReading(evseId), idTag, remoteStartId, reservationId };
    const timer = setInterval(() => void this.sample(evseId), charger.options.meterIntervalMs);
    const running: Running = { ...session, timer, alias: ++this.aliases, startedAt: new Date(), meter: new RunningMeter(session.meterWh) };
    this.running.set(evseId, running);
    if (txProfile) charger.chargingProfiles.set({ evseId, chargingProfile: txProfile });
    running.isSuspended = charger.powerW(evseId) <= 0;
    await charger.transactionEvents.push(startedEvent({ session: running, powerW: charger.powerW(evseId), timestamp: new Date().toISOString() }));
    charger.emit('transactionStarted', { evseId, transactionId: session.transactionId });
    return true;
  }

  async stop(evseId: number, reason: StopReason201) {
    const { charger } = this;
    const session = this.running.get(evseId);
    if (!session) return;
    clearInterval(session.timer);
    this.readMeter(session);
    this.running.delete(evseId);
    charger.chargingProfiles.endTransaction(evseId);
    this.meterWh.set(evseId, session.meterWh);
    // Offline, the Ended event waits in the queue and the EVSE's status is reported once the link is back.
    const ended = charger.transactionEvents.push(endedEvent({ session, powerW: 0, timestamp: new Date().toISOString() }, reason));
    if (!charger.isConnected) {
      charger.emit('transactionStopped', { evseId, transactionId: session.transactionId });
      return;
    }
    await ended;
    await charger.reportStatus(evseId, 'Available');
    charger.emit('transactionStopped', { evseId, transactionId: session.transactionId });
  }

  // Suspends a transaction its profiles hold at 0, and resumes it when they allow power again, saying so at once.
  async reviewLimits() {
    const { charger } = this;
    for (const [evseId, session] of this.running) {
      const isHeld = charger.powerW(evseId) <= 0;
      if (isHeld === Boolean(session.isSuspended)) continue;
      session.isSuspended = isHeld;
      this.readMeter(session);
      const event = updatedEvent({ session, powerW: charger.powerW(evseId), timestamp: new Date().toISOString() }, 'ChargingStateChanged');
      if (charger.isConnected) await charger.transactionEvents.push(event).catch(() => {});
    }
  }

  stopTimers() {
    for (const session of this.running.values()) clearInterval(session.timer);
  }

  private async sample(evseId: number) {
    const { charger } = this;
    const session = this.running.get(evseId);
    if (!session) return;
    if (charger.isConnected) await this.reviewLimits();
    this.readMeter(session);
    // Offline, the meter runs on and its readings wait in the queue.
    await charger.transactionEvents.push(updatedEvent({ session, powerW: charger.powerW(evseId), timestamp: new Date().toISOString() })).catch(() => {});
  }

  // The register into the session's next TransactionEvent.
  private readMeter(session: Running) {
    session.meterWh = session.meter.read(this.charger.powerW(session.evseId));
  }
}
