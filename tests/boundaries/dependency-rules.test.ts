import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Proves the rules `npm run lint` checks are live: each probe is a file someone might add by mistake, cruised with
// the project's own .dependency-cruiser.cjs. Probes live in folders of their own under the real trees (the rules
// match on paths) and are removed afterwards.
const ROOT = path.resolve(import.meta.dirname, '../..');
const FOLDER = `boundary-probe-${process.pid}`;
const probes = {
  sidecarRelativeToWeb: { at: 'ocpp-server/src', source: `export { getMembership } from '../../../lib/authz';\n` },
  sidecarAliasToComponent: { at: 'ocpp-server/src', source: `export * from '@/components/ui/button';\n` },
  sharedPullingNext: { at: 'domain', source: `export { cookies } from 'next/headers';\n` },
  sidecarThroughShared: { at: 'ocpp-server/src', source: `export * from '../../../domain/${FOLDER}/sharedPullingNext';\n` },
  webToSidecar: { at: 'lib', source: `export { configFromEnv } from '../../ocpp-server/src/config';\n` },
  // ajv is installed (ocpp-rpc needs it) but is not ours to import.
  undeclaredPackage: { at: 'domain', source: `export { default } from 'ajv';\n` },
  sharedUsingSchema: { at: 'domain', source: `export { chargers } from '../../db/schema';\n` },
};
type Probe = keyof typeof probes;
type Violation = { from: string; rule: { name: string } };
let violations: Violation[] = [];

const fileOf = (name: Probe) => `${probes[name].at}/${FOLDER}/${name}.ts`;
const rulesBrokenBy = (name: Probe) => violations.filter((found) => found.from === fileOf(name)).map((found) => found.rule.name);

const probeTrees = [...new Set(Object.values(probes).map((probe) => probe.at))];

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A run that was killed never reached afterAll, and its probes would fail lint and tsc from then on.
function removeProbesOfEndedRuns() {
  for (const at of probeTrees) {
    for (const name of readdirSync(path.join(ROOT, at))) {
      const pid = /^boundary-probe-(\d+)$/.exec(name)?.[1];
      if (pid && !isAlive(Number(pid))) rmSync(path.join(ROOT, at, name), { recursive: true, force: true });
    }
  }
}

// One cruise for every probe: resolving through the whole schema takes seconds, more on a busy machine, so the
// hook gets a timeout well past that instead of racing the default.
beforeAll(async () => {
  removeProbesOfEndedRuns();
  for (const name of Object.keys(probes) as Probe[]) {
    mkdirSync(path.join(ROOT, probes[name].at, FOLDER), { recursive: true });
    writeFileSync(path.join(ROOT, fileOf(name)), probes[name].source);
  }
  const cli = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const files = (Object.keys(probes) as Probe[]).map(fileOf);
  const run = promisify(execFile)(process.execPath, [cli, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...files], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  // depcruise exits with the number of errors it found, which is the point here.
  const { stdout } = await run.catch((error: { stdout: string }) => error);
  violations = (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}, 600_000);

afterAll(() => {
  for (const at of probeTrees) rmSync(path.join(ROOT, at, FOLDER), { recursive: true, force: true });
});

describe('dependency rules', () => {
  it('refuse the OCPP server importing the web app by a relative path', () => {
    expect(rulesBrokenBy('sidecarRelativeToWeb')).toEqual(expect.arrayContaining(['sidecar-not-to-web', 'sidecar-never-reaches-next']));
  });

  it('refuse the OCPP server importing a component through the @/ alias', () => {
    expect(rulesBrokenBy('sidecarAliasToComponent')).toContain('sidecar-not-to-web');
  });

  it('refuse a shared module that pulls in Next, and the OCPP server reaching Next through it', () => {
    expect(rulesBrokenBy('sharedPullingNext')).toContain('shared-stays-plain');
    expect(rulesBrokenBy('sidecarThroughShared')).toContain('sidecar-never-reaches-next');
  });

  it('refuse the web app importing the OCPP server', () => {
    expect(rulesBrokenBy('webToSidecar')).toContain('web-not-to-sidecar');
  });

  it('refuse a package that package.json does not declare', () => {
    expect(rulesBrokenBy('undeclaredPackage')).toContain('declared-dependencies-only');
  });

  it('accept a shared module that imports only the schema', () => {
    expect(rulesBrokenBy('sharedUsingSchema')).toEqual([]);
  });
});
