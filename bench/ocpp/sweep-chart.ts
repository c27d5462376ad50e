import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SweepReport } from './sweep';

const WIDTH = 700;
const HEIGHT = 400;
const MARGIN = { left: 70, right: 190, top: 40, bottom: 56 };
const TICKS = 5;
const SERIES = [
  { key: 'platform', label: 'Chargewatch (platform)', color: '#c2410c' },
  { key: 'bare', label: 'bare ocpp-rpc', color: '#1d4ed8' },
] as const;

// A round step (1, 2 or 5 times a power of ten) that covers `max` in about TICKS steps.
function tickStep(max: number) {
  const raw = Math.max(max, 1) / TICKS;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= raw)!;
}

const round = (value: number) => Math.round(value * 10) / 10;

// p99 of MeterValues against offered MeterValues/s, the platform and the bare server, as a standalone SVG.
export function sweepChartSvg(report: SweepReport) {
  const xStep = tickStep(Math.max(...report.steps.map((step) => step.offeredPerSecond)));
  const yStep = tickStep(Math.max(...report.steps.flatMap((step) => [step.platform.p99Ms ?? 0, step.bare.p99Ms ?? 0])));
  const xMax = xStep * Math.ceil(Math.max(...report.steps.map((step) => step.offeredPerSecond)) / xStep);
  const yMax = yStep * Math.max(1, Math.ceil(Math.max(...report.steps.flatMap((step) => [step.platform.p99Ms ?? 0, step.bare.p99Ms ?? 0])) / yStep));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (value: number) => round(MARGIN.left + (value / xMax) * plotWidth);
  const y = (value: number) => round(MARGIN.top + plotHeight - (value / yMax) * plotHeight);
  const bottom = MARGIN.top + plotHeight;

  const xTicks = Array.from({ length: Math.round(xMax / xStep) + 1 }, (_, index) => index * xStep).map(
    (value) => `<line x1="${x(value)}" y1="${bottom}" x2="${x(value)}" y2="${bottom + 5}" stroke="#333"/><text x="${x(value)}" y="${bottom + 18}" text-anchor="middle">${value}</text>`,
  );
  const yTicks = Array.from({ length: Math.round(yMax / yStep) + 1 }, (_, index) => index * yStep).map(
    (value) =>
      `<line x1="${MARGIN.left}" y1="${y(value)}" x2="${MARGIN.left + plotWidth}" y2="${y(value)}" stroke="#ddd"/><text x="${MARGIN.left - 8}" y="${y(value) + 4}" text-anchor="end">${value}</text>`,
  );
  const series = SERIES.map(({ key, label, color }, index) => {
    const points = report.steps.filter((step) => step[key].p99Ms !== null).map((step) => [x(step.offeredPerSecond), y(step[key].p99Ms!)] as const);
    const legendY = MARGIN.top + 10 + index * 22;
    return [
      `<g id="series-${key}" data-label="${label}">`,
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map((point) => point.join(',')).join(' ')}"/>`,
      ...points.map(([cx, cy]) => `<circle cx="${cx}" cy="${cy}" r="4" fill="${color}"/>`),
      `<line x1="${WIDTH - MARGIN.right + 14}" y1="${legendY}" x2="${WIDTH - MARGIN.right + 34}" y2="${legendY}" stroke="${color}" stroke-width="2"/>`,
      `<text x="${WIDTH - MARGIN.right + 40}" y="${legendY + 4}">${label}</text>`,
      '</g>',
    ].join('\n');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="14" font-weight="bold">MeterValues p99 against offered load (${report.options.chargers} chargers)</text>`,
    ...yTicks,
    ...xTicks,
    `<line x1="${MARGIN.left}" y1="${bottom}" x2="${MARGIN.left + plotWidth}" y2="${bottom}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 14}" text-anchor="middle">offered MeterValues/s (platform saturation ${report.saturation.platform.achievedPerSecond}/s)</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">p99 latency (ms)</text>`,
    ...series,
    '</svg>',
    '',
  ].join('\n');
}

export async function writeSweepChart(report: SweepReport, file: string) {
  const absolute = path.resolve(file);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, sweepChartSvg(report));
  return absolute;
}
