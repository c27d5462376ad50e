import type { ChargingPlan } from './plan';

type PlanBar = { startsAt: string; endsAt: string; pricePerKwh: string | null; isCharging: boolean };

// The chart's bars: neighbouring slots with the same price and the same choice drawn as one (an hourly price is one
// bar, not four quarter hours).
export function planBars(plan: ChargingPlan): PlanBar[] {
  const bars: PlanBar[] = [];
  for (const slot of plan.slots) {
    const last = bars.at(-1);
    if (last && last.pricePerKwh === slot.pricePerKwh && last.isCharging === slot.isCharging && last.endsAt === slot.startsAt) last.endsAt = slot.endsAt;
    else bars.push({ ...slot });
  }
  return bars;
}
