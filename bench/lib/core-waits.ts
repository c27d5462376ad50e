import { readFileSync } from 'node:fs';

// How long work waited for a CPU core, from Linux's own counters: a Node server's event loop (its main thread) from
// /proc/<pid>/schedstat, and every task on the machine from the pressure stall information in /proc/pressure/cpu.
// A message's time split shows such waits only as time "in the database" or "answering".

export type CoreWaitSample = { eventLoop: { waitingNs: number; turns: number } | null; pressureMicros: number | null };

// schedstat: nanoseconds on a core, nanoseconds ready but waiting for one, and how many turns on a core it was given.
export function parseSchedstat(text: string): CoreWaitSample['eventLoop'] {
  const fields = text.trim().split(/\s+/).map(Number);
  if (fields.length < 3 || fields.some((field) => !Number.isFinite(field))) return null;
  return { waitingNs: fields[1]!, turns: fields[2]! };
}

// The `some` line: microseconds in which at least one runnable task waited for a core.
export function parsePressureTotalMicros(text: string): number | null {
  const match = /^some .*\btotal=(\d+)/m.exec(text);
  return match ? Number(match[1]) : null;
}

function readOrNull<T>(path: string, parse: (text: string) => T | null): T | null {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

export function sampleCoreWaits(pid: number): CoreWaitSample {
  return { eventLoop: readOrNull(`/proc/${pid}/schedstat`, parseSchedstat), pressureMicros: readOrNull('/proc/pressure/cpu', parsePressureTotalMicros) };
}

// Between two samples `elapsedMs` apart: the event loop's wait per second and per turn on a core, and the share of the
// time in which some task on the machine waited. Null where the kernel keeps no such count (a kernel without
// sched_info reports 0 turns).
export function coreWaitFigures(before: CoreWaitSample, after: CoreWaitSample, elapsedMs: number) {
  const turns = before.eventLoop && after.eventLoop ? after.eventLoop.turns - before.eventLoop.turns : 0;
  const waitedMs = turns > 0 ? (after.eventLoop!.waitingNs - before.eventLoop!.waitingNs) / 1e6 : null;
  const pressureMicros = before.pressureMicros !== null && after.pressureMicros !== null ? after.pressureMicros - before.pressureMicros : null;
  return {
    eventLoopWaitMsPerSecond: waitedMs === null ? null : Math.round((waitedMs / (elapsedMs / 1000)) * 10) / 10,
    eventLoopWaitPerTurnMs: waitedMs === null ? null : Math.round((waitedMs / turns) * 100) / 100,
    cpuPressurePercent: pressureMicros === null ? null : Math.round((pressureMicros / 1000 / elapsedMs) * 100),
  };
}
