// `npm run bench:circuit -- [--chargers 100] [--capacity 400] [--starts 60] [--stops 20] [--changes 10]`
import { parseArgs } from 'node:util';
import { printAndExit } from '../lib/output';
import { circuitMarkdown } from './markdown';
import { runCircuitBench } from './run';

const { values } = parseArgs({
  options: {
    chargers: { type: 'string', default: '100' },
    capacity: { type: 'string', default: '400' },
    starts: { type: 'string', default: '60' },
    stops: { type: 'string', default: '20' },
    changes: { type: 'string', default: '10' },
  },
});

const options = { chargers: Number(values.chargers), capacityA: Number(values.capacity), starts: Number(values.starts), stops: Number(values.stops), changes: Number(values.changes) };
const isCount = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;
if (!isCount(options.chargers, 1000)) throw new Error('--chargers must be an integer from 1 to 1000');
if (!isCount(options.capacityA, 10_000)) throw new Error('--capacity must be whole amperes from 1 to 10000');
if (!isCount(options.starts, options.chargers)) throw new Error('--starts must be from 1 to --chargers');
if (!isCount(options.stops, options.starts)) throw new Error('--stops must be from 1 to --starts');
if (!isCount(options.changes, 100) || options.changes < 2) throw new Error('--changes must be from 2 to 100');

const report = await runCircuitBench(options, (line) => console.log(`[bench] ${line}`));
await printAndExit('circuit', report, circuitMarkdown(report));
