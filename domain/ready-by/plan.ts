import { isOpenAt, type ChargingWindow } from '../smart-charging/charging-windows';
import type { PricedSpan } from '../prices/price-timeline';

// The finest step a plan takes: day-ahead markets trade hours and, increasingly, quarter hours.
const SLOT_MS = 15 * 60_000;

type PlanSlot = { startsAt: string; endsAt: string; pricePerKwh: string | null; isCharging: boolean };

export type ChargingPlan = {
  startsAt: string;
  departsAt: string;
  targetWh: number;
  // What the car gets by departure under this plan: the target, or less when the time left is too short.
  plannedWh: number;
  maxPowerW: number;
  // Not enough time (or open windows) before departure: every usable slot charges at full power from now.
  isShort: boolean;
  // The expected cost of plannedWh; null when no slot it charges in has a price.
  cost: number | null;
  currency: string | null;
  // Some charging slot has no known price (no price in force at all); its energy is left out of the cost.
  hasUnpricedSlots: boolean;
  slots: PlanSlot[];
  // The account's zone: departure was asked on its clock, and the plan's hours are shown on it.
  timeZone: string;
};

export type PlanInput = {
  now: Date;
  departsAt: Date;
  targetWh: number;
  maxPowerW: number;
  // priceTimeline over [now, departsAt]: a day-ahead hour not imported carries the day-ahead price's own fixed
  // fallback (as the session will be billed), a moment with no price at all carries null.
  spans: PricedSpan[];
  windows: ChargingWindow[];
  windowsTimeZone: string;
  timeZone: string;
};

type Slot = { start: number; end: number; price: number | null; priceText: string | null; currency: string | null; isOpen: boolean };

function cutSlots({ now, departsAt, spans, windows, windowsTimeZone }: PlanInput): Slot[] {
  const slots: Slot[] = [];
  for (const span of spans) {
    const spanEnd = Math.min(span.endsAt.getTime(), departsAt.getTime());
    let start = Math.max(span.startsAt.getTime(), now.getTime());
    while (start < spanEnd) {
      const end = Math.min(spanEnd, (Math.floor(start / SLOT_MS) + 1) * SLOT_MS);
      // A slot counts as open only when a window holds it from its start to its last minute.
      const isOpen = windows.length === 0 || (isOpenAt(windows, new Date(start), windowsTimeZone) && isOpenAt(windows, new Date(end - 60_000), windowsTimeZone));
      const price = span.price;
      slots.push({ start, end, price: price ? Number(price.pricePerKwh) : null, priceText: price?.pricePerKwh ?? null, currency: price?.currency ?? null, isOpen });
      start = end;
    }
  }
  return slots;
}

// A slot with no known price comes after every priced one; among equal prices the earlier slot first, so the car is
// ready sooner.
const cheapestFirst = (a: Slot, b: Slot) => (a.price ?? Infinity) - (b.price ?? Infinity) || a.start - b.start;

const slotWh = (slot: Slot, maxPowerW: number) => (maxPowerW * (slot.end - slot.start)) / 3_600_000;

// The cheapest slots between now and departure that together give the target energy at the charger's maximum
// power, inside its charging windows. The last slot chosen charges at full power too: the car stops drawing once
// it has what it needs, so only the needed energy is costed.
export function planCheapestCharging(input: PlanInput): ChargingPlan {
  const { now, departsAt, targetWh, maxPowerW } = input;
  const slots = cutSlots(input);
  const open = slots.filter((slot) => slot.isOpen);
  const availableWh = open.reduce((sum, slot) => sum + slotWh(slot, maxPowerW), 0);
  const isShort = availableWh < targetWh;
  const charging = new Map<Slot, number>();
  let neededWh = targetWh;
  for (const slot of isShort ? open : [...open].sort(cheapestFirst)) {
    if (neededWh <= 0) break;
    const wh = Math.min(neededWh, slotWh(slot, maxPowerW));
    charging.set(slot, wh);
    neededWh -= wh;
  }
  let cost = 0;
  let isPriced = false;
  let hasUnpricedSlots = false;
  for (const [slot, wh] of charging) {
    if (slot.price === null) hasUnpricedSlots = true;
    else {
      cost += (wh / 1000) * slot.price;
      isPriced = true;
    }
  }
  return {
    startsAt: now.toISOString(),
    departsAt: departsAt.toISOString(),
    targetWh,
    plannedWh: Math.round(targetWh - Math.max(0, neededWh)),
    maxPowerW,
    isShort,
    cost: isPriced ? Math.round(cost * 10_000) / 10_000 : null,
    currency: slots.find((slot) => slot.currency)?.currency ?? null,
    hasUnpricedSlots,
    slots: slots.map((slot) => ({
      startsAt: new Date(slot.start).toISOString(),
      endsAt: new Date(slot.end).toISOString(),
      pricePerKwh: slot.priceText,
      isCharging: charging.has(slot),
    })),
    timeZone: input.timeZone,
  };
}
