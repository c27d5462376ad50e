import { setTimeout as sleep } from 'node:timers/promises';
import { mib, sampleProcess } from '../lib/proc';
import { summarize } from '../lib/stats';
import type { QueryCounter } from './query-counter';

export type PageTarget = { name: string; path: string };
type MeasureOptions = { baseUrl: string; cookie: string; counter: QueryCounter; iterations: number; warmup: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timedFetch(url: string, cookie: string) {
  const began = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - began, status: response.status, bytes: body.byteLength };
}

// Sequential requests, so each one's statements can be told apart on the query counter.
export async function measurePage(target: PageTarget, { baseUrl, cookie, counter, iterations, warmup }: MeasureOptions) {
  const url = `${baseUrl}${target.path}`;
  for (let index = 0; index < warmup; index++) await timedFetch(url, cookie);
  const times: number[] = [];
  const queries: number[] = [];
  const parses: number[] = [];
  const statuses = new Set<number>();
  let bytes = 0;
  for (let index = 0; index < iterations; index++) {
    const before = counter.snapshot();
    const result = await timedFetch(url, cookie);
    const after = counter.snapshot();
    times.push(result.ms);
    queries.push(after.queries - before.queries);
    parses.push(after.parses - before.parses);
    statuses.add(result.status);
    bytes = result.bytes;
  }
  return { ...target, statuses: [...statuses], bytes, ms: summarize(times), queriesPerRequest: median(queries), parsesPerRequest: median(parses) };
}

// Streams a download and samples the server's RSS while it runs; a streamed export keeps the peak flat.
export async function measureDownload(target: PageTarget, { baseUrl, cookie, pid }: { baseUrl: string; cookie: string; pid: number }) {
  const rssBefore = sampleProcess(pid).rssBytes;
  let rssPeak = rssBefore;
  let isRunning = true;
  const sampler = (async () => {
    while (isRunning) {
      rssPeak = Math.max(rssPeak, sampleProcess(pid).rssBytes);
      await sleep(50);
    }
  })();
  const began = performance.now();
  const response = await fetch(`${baseUrl}${target.path}`, { headers: { cookie }, redirect: 'manual' });
  let bytes = 0;
  let lines = 0;
  const reader = response.body?.getReader();
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    bytes += part.value.byteLength;
    for (const byte of part.value) if (byte === 10) lines++;
  }
  const ms = performance.now() - began;
  isRunning = false;
  await sampler;
  return { ...target, status: response.status, ms: Math.round(ms), bytes, lines, rssBeforeMiB: mib(rssBefore), rssPeakMiB: mib(rssPeak) };
}

export type PageResult = Awaited<ReturnType<typeof measurePage>>;
export type DownloadResult = Awaited<ReturnType<typeof measureDownload>>;
