import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OCPP_NODE_FLAGS } from './node-flags';

// The two places that cannot import the flags write them out: `npm run ocpp` and the README's command.
describe('the OCPP server’s Node flags', () => {
  it('are given by npm run ocpp and by the command in ocpp-server/README.md', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    const readme = readFileSync('ocpp-server/README.md', 'utf8');
    const readmeCommand = readme.split('\n').find((line) => line.includes('ocpp-server/src/main.ts'));
    for (const flag of OCPP_NODE_FLAGS) {
      expect(scripts.ocpp).toContain(` ${flag} `);
      expect(readmeCommand).toContain(` ${flag} `);
    }
  });
});
