import type { Executor } from '../../db/client';
import { getCar } from '../data/cars';
import type { ChargerToPlan } from '../data/charging-plans';
import { loadPlanPriceSources } from '../data/plan-prices';
import { failure, success, type Result } from '../data/result';
import { priceTimeline } from '../prices/price-timeline';
import { nextLocalTime } from './departure';
import { planCheapestCharging, type ChargingPlan } from './plan';

// The energy to add: kWh as such, or from one battery level to another of a car the user entered.
type EnergyTarget = { kind: 'kwh'; wh: number } | { kind: 'percent'; carId: string; fromPercent: number; toPercent: number };
export type ReadyByRequest = { departure: string; energy: EnergyTarget };
export type PlanRefusal = 'readyByOnCircuit' | 'readyByNotSupported' | 'carNotFound' | 'nothingToCharge';

// The most a 1.6 AC charger's connector gives per phase.
const HARDWARE_MAX_A = 32;
// OCPP 1.6 tells no charger's own maximum: with none set by the owner, a plan counts on the common 11 kW wallbox
// (and limits the charger to it in its hours), so that a smaller one is not left short at departure by a plan that
// counted on more.
const DEFAULT_PLAN_POWER_W = 11_000;

type PlanFor = { userId: string; accountId: string; chargerId: string; sessionUserId: string | null; cardId: string | null; charger: ChargerToPlan; request: ReadyByRequest; now: Date };

async function targetWh(db: Executor, userId: string, energy: EnergyTarget) {
  if (energy.kind === 'kwh') return energy.wh;
  const car = await getCar(db, { userId, carId: energy.carId });
  return car && Math.round((car.batteryWh * (energy.toPercent - energy.fromPercent)) / 100);
}

// A plan for a session of this member and card on this charger, from the prices it will be billed at. A charger
// behind a circuit is refused one: the circuit's share is what keeps its fuse, and a plan must not outrank it.
export async function makePlan(db: Executor, { userId, accountId, chargerId, sessionUserId, cardId, charger, request, now }: PlanFor): Promise<Result<ChargingPlan, PlanRefusal>> {
  if (charger.circuitId) return failure('readyByOnCircuit');
  if (charger.limits && !charger.limits.isSupported) return failure('readyByNotSupported');
  const wh = await targetWh(db, userId, request.energy);
  if (wh === null) return failure('carNotFound');
  if (wh <= 0) return failure('nothingToCharge');
  const hardwareMaxW = HARDWARE_MAX_A * charger.electrical.voltage * charger.electrical.phases;
  const maxPowerW = Math.min(charger.maxPowerW ?? DEFAULT_PLAN_POWER_W, hardwareMaxW);
  const sources = await loadPlanPriceSources(db, { accountId, chargerId, userId: sessionUserId, cardId, from: now, to: new Date(now.getTime() + 2 * 86_400_000) });
  const departsAt = nextLocalTime(now, request.departure, sources.timeZone);
  const spans = priceTimeline(sources, now, departsAt);
  return success(planCheapestCharging({ now, departsAt, targetWh: wh, maxPowerW, spans, windows: charger.windows, windowsTimeZone: charger.windowsTimeZone ?? sources.timeZone, timeZone: sources.timeZone }));
}
