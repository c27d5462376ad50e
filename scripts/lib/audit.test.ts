import { describe, expect, it } from 'vitest';
import { readAuditReport } from './audit';

const NONE = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 };

describe('reading npm audit', () => {
  it('fails on a high or critical advisory and names the package', () => {
    const report = {
      vulnerabilities: { next: { severity: 'critical' }, 'brace-expansion': { severity: 'low' } },
      metadata: { vulnerabilities: { ...NONE, low: 1, critical: 1, total: 2 } },
    };
    expect(readAuditReport(JSON.stringify(report))).toEqual({
      kind: 'advisories',
      counts: report.metadata.vulnerabilities,
      packages: ['next (critical)'],
    });
  });

  it('passes low and moderate advisories', () => {
    const report = { vulnerabilities: { cookie: { severity: 'moderate' } }, metadata: { vulnerabilities: { ...NONE, moderate: 1, total: 1 } } };
    expect(readAuditReport(JSON.stringify(report)).kind).toBe('clean');
  });

  it('tells an unreachable advisory service apart from a clean audit', () => {
    const refused = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 };
    expect(readAuditReport(JSON.stringify(refused))).toEqual({ kind: 'unreachable', reason: refused.message });
    expect(readAuditReport('').kind).toBe('unreachable');
  });
});
