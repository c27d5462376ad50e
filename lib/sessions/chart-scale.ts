// fractionDigits: as many as the step needs, so 0.25 is labelled 0.25, not rounded to 0.3.
export type Ticks = { max: number; step: number; values: number[]; fractionDigits: number };

function decimalsOf(value: number): number {
  const [, decimals = ''] = String(Number(value.toPrecision(12))).split('.');
  return decimals.length;
}

// Round axis steps (1, 2, 2.5, 5 × 10ⁿ) so labels read like a person would write them.
export function niceTicks(maxValue: number, targetCount = 4): Ticks {
  const max = maxValue > 0 && Number.isFinite(maxValue) ? maxValue : 1;
  const rough = max / targetCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const count = Math.ceil(max / step - 1e-9);
  const values = Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
  return { max: count * step, step, values, fractionDigits: decimalsOf(step) };
}

const MINUTE = 60_000;
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((minutes) => minutes * MINUTE);

// Ticks on whole minutes or hours of UTC, which are whole local ones too wherever the offset is whole hours.
export function timeTicks(start: number, end: number, targetCount = 5): number[] {
  const span = Math.max(end - start, MINUTE);
  const step = TIME_STEPS.find((candidate) => span / candidate <= targetCount) ?? TIME_STEPS.at(-1)!;
  const first = Math.ceil(start / step) * step;
  const ticks: number[] = [];
  for (let tick = first; tick <= end && ticks.length < 50; tick += step) ticks.push(tick);
  return ticks;
}
