import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export type ProcSample = { cpuSeconds: number; rssBytes: number; peakRssBytes: number };

let ticksPerSecond: number | null = null;

function clockTicks() {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

function statusKb(status: string, field: string) {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

// Linux only: utime + stime from /proc/<pid>/stat (fields 14 and 15), VmRSS and VmHWM from /proc/<pid>/status.
export function sampleProcess(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return { cpuSeconds: ticks / clockTicks(), rssBytes: statusKb(status, 'VmRSS'), peakRssBytes: statusKb(status, 'VmHWM') };
}

// CPU seconds of a process and its children (PostgreSQL's postmaster and its backends), from /proc. A backend that
// exits between two samples takes its seconds with it; the pooled connections the servers hold do not.
export function treeCpuSeconds(rootPid: number): number {
  let seconds = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(entry) !== rootPid && Number(fields[1]) !== rootPid) continue;
      seconds += (Number(fields[11]) + Number(fields[12])) / clockTicks();
    } catch {
      // The process ended while the directory was read.
    }
  }
  return seconds;
}

export const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
