import { and, desc, eq } from 'drizzle-orm';
import { chargers, connectors, meterValues, transactions } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import type { ChargingProfile } from '../../domain/smart-charging/profile';
import type { SmartChargingOptions } from '../simulator/charging-profiles';
import { waitFor } from './helpers';
import { startSimulator, startSimulator201, transactionAnswered, transactionEvented } from './simulators';
import type { ocppSuite } from './suite';

type Suite = ReturnType<typeof ocppSuite>;
type Db = Suite['db'];
type ProfileAction = 'SetChargingProfile' | 'ClearChargingProfile' | 'GetCompositeSchedule' | 'Reset';

// An owner's profile for every session, from a minute ago (id 7, stack level 1, in W).
export const txDefault = (limit: number, overrides: Partial<ChargingProfile> = {}): ChargingProfile => ({
  chargingProfileId: 7,
  stackLevel: 1,
  chargingProfilePurpose: 'TxDefaultProfile',
  chargingProfileKind: 'Absolute',
  chargingSchedule: { startSchedule: new Date(Date.now() - 60_000).toISOString(), chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
  ...overrides,
});

export const latestPower = async (db: Db, chargerId: string, connectorId = 1) =>
  (
    await db
      .select({ value: meterValues.numericValue })
      .from(meterValues)
      .where(and(eq(meterValues.chargerId, chargerId), eq(meterValues.connectorId, connectorId), eq(meterValues.measurand, 'Power.Active.Import')))
      .orderBy(desc(meterValues.id))
      .limit(1)
  )[0]?.value;

export const statusOf = async (db: Db, chargerId: string) =>
  (await db.select({ status: connectors.status }).from(connectors).where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, 1))))[0]?.status;

type Boot<S> = (identity: string, smartCharging?: SmartChargingOptions) => Promise<S>;

// The simulated charger of each protocol, drawing 11 kW with no profile, on two connectors (EVSEs): booted (`boot`),
// or booted, online and with the owner's profile commands at hand (`start`); `charge` starts a session on connector 1
// by a card at the reader and gives its id.
export function smartChargingChargers(suite: Suite) {
  const { db } = suite;
  const send = (chargerId: string) => <A extends ProfileAction>(action: A, payload: Parameters<typeof sendCommand<A>>[1]['payload']) =>
    sendCommand(db, { accountId: suite.fixture.account.id, chargerId, action, payload }).then((result) => (result.ok ? result.value : null));
  const online = (chargerId: string) => waitFor(async () => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, chargerId)))[0]?.isOnline);
  const starter = <S>(boot: Boot<S>, charge: (simulator: S) => Promise<number>) => async (smartCharging?: SmartChargingOptions) => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const simulator = await boot(charger.identity, smartCharging);
    await online(charger.id);
    return { charger, simulator, send: send(charger.id), charge: () => charge(simulator) };
  };

  const boot16: Boot<Awaited<ReturnType<typeof startSimulator>>> = (identity, smartCharging) => startSimulator(suite.server, { identity, smartCharging, powerW: 11_000, connectors: 2 });
  const boot201: Boot<Awaited<ReturnType<typeof startSimulator201>>> = (identity, smartCharging) => startSimulator201(suite.server, { identity, evses: 2, smartCharging, powerW: 11_000 });
  return {
    v16: {
      protocol: 'OCPP 1.6',
      boot: boot16,
      start: starter(boot16, async (simulator) => {
        const started = transactionAnswered(simulator, 'transactionStarted', 1);
        await simulator.startSession(1, 'POWERCARD', { shouldAuthorize: false });
        return started;
      }),
    },
    v201: {
      protocol: 'OCPP 2.0.1',
      boot: boot201,
      start: starter(boot201, async (simulator) => {
        const started = transactionEvented(simulator, 'transactionStarted', 1);
        await simulator.startSession(1, 'POWERCARD', { remoteStartId: 1 });
        const ocppTransactionId = await started;
        return (await db.select({ id: transactions.id }).from(transactions).where(eq(transactions.ocppTransactionId, ocppTransactionId)))[0]!.id;
      }),
    },
  };
}
