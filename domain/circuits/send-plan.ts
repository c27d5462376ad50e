import type { Database } from '../../db/client';
import { enqueueCommand } from '../commands/enqueue';
import { sendCommand } from '../commands/send';
import { recordCircuitChange, type CircuitChargerState } from '../data/circuit-planning';
import { circuitDefaultProfile, circuitTxProfile } from './circuit-profiles';
import type { CircuitPlan } from './plan';
import type { CircuitTrigger } from './reasons';

// How long the lowered limits may take to be accepted before the raised ones are queued.
const LOWERING_WAIT_MS = 8_000;

type Limit = { chargerId: string; transactionId: number | null; connectorId: number; currentA: number; isLowering: boolean };

// The changed limits through the command bus, each logged with its reason: first the static shares and every limit
// that goes down (waiting for their answers), then those that go up, so that the fuse is not crossed on the way.
export async function sendCircuitPlan(
  db: Database,
  { circuitId, chargers, plan, trigger, now }: { circuitId: string; chargers: CircuitChargerState[]; plan: CircuitPlan; trigger: CircuitTrigger; now: Date },
) {
  const byId = new Map(chargers.map((charger) => [charger.chargerId, charger]));
  const limits: Limit[] = [
    ...plan.defaults.map((chargerId) => ({ chargerId, transactionId: null, connectorId: 0, currentA: plan.shareA, isLowering: true })),
    ...plan.allocations
      .filter((allocation) => allocation.currentA !== allocation.previousA)
      .map((allocation) => ({ ...allocation, isLowering: allocation.previousA === null || allocation.currentA < allocation.previousA })),
  ];
  const send = async (limit: Limit, shouldWait: boolean) => {
    const charger = byId.get(limit.chargerId)!;
    const csChargingProfiles =
      limit.transactionId === null
        ? circuitDefaultProfile({ shareA: limit.currentA, limits: charger.limits, electrical: charger.electrical, owner: charger.owner, now })
        : circuitTxProfile({ transactionId: limit.transactionId, connectorId: limit.connectorId, currentA: limit.currentA, limits: charger.limits, electrical: charger.electrical });
    const command = { accountId: charger.accountId, chargerId: limit.chargerId, action: 'SetChargingProfile' as const, payload: { connectorId: limit.connectorId, csChargingProfiles } };
    // Logged as soon as it is queued, before its answer: the log is what was sent, and why.
    const enqueueAndLog: typeof enqueueCommand<'SetChargingProfile'> = async (executor, input) => {
      const queued = await enqueueCommand(executor, input);
      const commandId = queued.ok ? queued.value.id : null;
      await recordCircuitChange(db, { circuitId, chargerId: limit.chargerId, transactionId: limit.transactionId, currentA: limit.currentA, reason: trigger.reason, reasonChargerId: trigger.chargerId, commandId });
      return queued;
    };
    if (shouldWait) await sendCommand(db, command, { waitMs: LOWERING_WAIT_MS, enqueue: enqueueAndLog });
    else await enqueueAndLog(db, command);
  };
  await Promise.all(limits.filter((limit) => limit.isLowering).map((limit) => send(limit, true)));
  for (const limit of limits.filter((each) => !each.isLowering)) await send(limit, false);
  return limits.length;
}
