import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { runSweep } from './ocpp/sweep';
import { writeSweepChart } from './ocpp/sweep-chart';
import { sweepMarkdown } from './ocpp/sweep-markdown';

// The rows of the markdown table whose header begins with `firstHeader`, as cells.
function tableRows(markdown: string, firstHeader: string) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${firstHeader} |`));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
  }
  return rows;
}

const isNumber = (cell: string) => cell !== '' && Number.isFinite(Number(cell));

// Keeps `npm run bench:ocpp -- --sweep` from rotting: a tiny sweep, checking what it prints and draws, not its speed.
describe('OCPP latency sweep smoke run', () => {
  it('prints closed-loop saturation and four open-loop steps with figures for both servers, and draws both as SVG', { timeout: 170_000 }, async () => {
    const report = await runSweep(
      { ocpp: '1.6', chargers: 12, rate: 0, closedLoop: false, seconds: 2, chargingShare: 1, workers: 2, heartbeatSeconds: 60, remoteStartGapMs: 50, sessionSpreadSeconds: null, seedMeterValues: 0, saturationSeconds: 2, stepSeconds: 2 },
      () => {},
    );
    const directory = await mkdtemp(path.join(os.tmpdir(), 'sweep-chart-'));
    try {
      const chartPath = await writeSweepChart(report, path.join(directory, 'nested', 'sweep.svg'));
      const markdown = sweepMarkdown(report, chartPath);

      const closed = tableRows(markdown, 'closed loop');
      expect(closed.map((row) => row[0])).toEqual(['platform', 'bare ocpp-rpc']);
      for (const row of closed) expect(row.slice(1).every(isNumber)).toBe(true);
      expect(Number(closed[0]![1])).toBeGreaterThan(0);
      expect(Number(closed[1]![1])).toBeGreaterThan(0);

      const steps = tableRows(markdown, 'step');
      expect(steps.map((row) => row[0])).toEqual(['25 %', '50 %', '75 %', '100 %']);
      for (const row of steps) {
        // Offered; platform answered, p50, p99; bare answered, p50, p99.
        expect(row.slice(1, 8).every(isNumber)).toBe(true);
        expect(Number(row[2])).toBeGreaterThan(0);
        expect(Number(row[5])).toBeGreaterThan(0);
      }
      // Offered load rises with the share of the platform's saturation.
      expect(steps.map((row) => Number(row[1]))).toEqual([...steps.map((row) => Number(row[1]))].sort((a, b) => a - b));
      // The platform's time split for every step, from its /metrics.
      expect(markdown).toContain('from its GET /metrics');
      for (const step of report.steps) expect(step.split.queued!.count).toBeGreaterThan(0);
      expect(markdown).toContain(`Chart (p99 against offered load): ${chartPath}`);

      // The file parses as SVG in a real browser and holds both series, a point per step.
      const svg = await readFile(chartPath, 'utf8');
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage();
        const parsed = await page.evaluate((text) => {
          const document = new DOMParser().parseFromString(text, 'image/svg+xml');
          const series = (key: string) => document.querySelector(`g#series-${key}`);
          return {
            root: document.documentElement.localName,
            namespace: document.documentElement.namespaceURI,
            errors: document.getElementsByTagName('parsererror').length,
            points: ['platform', 'bare'].map((key) => series(key)?.querySelector('polyline')?.getAttribute('points')?.trim().split(/\s+/).length ?? 0),
            labels: ['platform', 'bare'].map((key) => series(key)?.textContent?.trim() ?? ''),
            texts: [...document.querySelectorAll('text')].map((text) => text.textContent),
          };
        }, svg);
        expect(parsed.root).toBe('svg');
        expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
        expect(parsed.errors).toBe(0);
        expect(parsed.points).toEqual([4, 4]);
        expect(parsed.labels).toEqual(['Chargewatch (platform)', 'bare ocpp-rpc']);
        expect(parsed.texts).toContain('p99 latency (ms)');
        expect(parsed.texts.some((text) => text?.startsWith('offered MeterValues/s'))).toBe(true);
      } finally {
        await browser.close();
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
