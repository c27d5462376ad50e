// `npm run bench:web [-- --iterations 30] [--reuse-build] [--port 3400]`
import { parseArgs } from 'node:util';
import { printAndExit } from '../lib/output';
import { webMarkdown } from './markdown';
import { runWebBench } from './run';

const { values } = parseArgs({
  options: {
    chargers: { type: 'string', default: '1000' },
    sessions: { type: 'string', default: '100000' },
    'meter-values-per-session': { type: 'string', default: '20' },
    iterations: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    port: { type: 'string', default: '3400' },
    'reuse-build': { type: 'boolean', default: false },
  },
});

const sizes = { chargers: Number(values.chargers), sessions: Number(values.sessions), meterValuesPerSession: Number(values['meter-values-per-session']), cards: 20 };
if (!(sizes.chargers >= 1 && sizes.sessions >= 1 && sizes.meterValuesPerSession >= 1)) throw new Error('sizes must be positive');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1024) throw new Error('--port must be a port number above 1023');

const report = await runWebBench(
  { sizes, iterations: Number(values.iterations), warmup: Number(values.warmup), port, isBuildReused: values['reuse-build'] },
  (line) => console.log(`[bench] ${line}`),
);
await printAndExit('web', report, webMarkdown(report));
