import { spawn } from 'node:child_process';

export type AuditOutcome =
  | { kind: 'clean'; counts: Record<string, number> }
  | { kind: 'advisories'; counts: Record<string, number>; packages: string[] }
  | { kind: 'unreachable'; reason: string };

type AuditReport = {
  statusCode?: number;
  message?: string;
  error?: { summary?: string };
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string }>;
};

const BLOCKING = new Set(['high', 'critical']);

function npmAuditJson(): Promise<string> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawn(npm, ['audit', '--omit=dev', '--json'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // npm audit exits non-zero both when it finds advisories and when it cannot ask; the JSON tells which.
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => resolve(output));
  });
}

export function readAuditReport(json: string): AuditOutcome {
  let report: AuditReport;
  try {
    report = JSON.parse(json) as AuditReport;
  } catch {
    return { kind: 'unreachable', reason: 'npm audit printed no report' };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) return { kind: 'unreachable', reason: report.message || report.error?.summary || 'no advisory data' };
  const packages = Object.entries(report.vulnerabilities ?? {})
    .filter(([, advisory]) => BLOCKING.has(advisory.severity))
    .map(([name, advisory]) => `${name} (${advisory.severity})`);
  return packages.length > 0 ? { kind: 'advisories', counts, packages } : { kind: 'clean', counts };
}

// High and critical advisories in production dependencies fail the run. An advisory service that
// cannot be reached (an offline mirror answers 405) is reported, not counted as clean or as failed.
export async function auditProductionDependencies(log: (line: string) => void) {
  const outcome = readAuditReport(await npmAuditJson());
  if (outcome.kind === 'unreachable') {
    log(`npm audit: the advisory service could not be asked (${outcome.reason}); production dependencies NOT audited`);
    return;
  }
  const summary = Object.entries(outcome.counts).map(([level, count]) => `${count} ${level}`).join(', ');
  if (outcome.kind === 'advisories') throw new Error(`npm audit: high or critical advisories in ${outcome.packages.join(', ')}`);
  log(`npm audit: no high or critical advisory in production dependencies (${summary})`);
}
