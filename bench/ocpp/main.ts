// `npm run bench:ocpp -- [--protocols 1.6,2.0.1] --chargers N --rate R --seconds S [--charging-share 0.2] [--workers 4] [--heartbeat 60] [--session-spread 30] [--seed-meter-values 10000000]`
// `npm run bench:ocpp -- --closed-loop [--chargers N --seconds S]`: saturation, each charging charger one MeterValues in flight.
// `npm run bench:ocpp -- --sweep [--saturation-seconds 10] [--step-seconds 10] [--chart .bench/ocpp-sweep.svg]`: latency against offered load.
import { parseArgs } from 'node:util';
import { printAndExit } from '../lib/output';
import { protocolsMarkdown } from './protocols-markdown';
import { runOcppBench } from './run';
import { runSweep } from './sweep';
import { writeSweepChart } from './sweep-chart';
import { sweepMarkdown } from './sweep-markdown';
import type { BenchProtocol } from './worker-protocol';

const { values } = parseArgs({
  options: {
    chargers: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '20' },
    'charging-share': { type: 'string', default: '0.2' },
    workers: { type: 'string', default: '4' },
    heartbeat: { type: 'string', default: '60' },
    'remote-start-gap': { type: 'string', default: '50' },
    'session-spread': { type: 'string' },
    // The fleet's OCPP version; several, comma-separated, run one after the other and print side by side.
    protocols: { type: 'string', default: '1.6' },
    // Meter values (e.g. 1e7) written before the run, two years of finished sessions, to measure a grown table.
    'seed-meter-values': { type: 'string', default: '0' },
    'closed-loop': { type: 'boolean', default: false },
    sweep: { type: 'boolean', default: false },
    'saturation-seconds': { type: 'string', default: '10' },
    'step-seconds': { type: 'string', default: '10' },
    chart: { type: 'string', default: '.bench/ocpp-sweep.svg' },
  },
});

const options = {
  chargers: Number(values.chargers),
  rate: Number(values.rate),
  closedLoop: values['closed-loop'],
  seconds: Number(values.seconds),
  chargingShare: Number(values['charging-share']),
  workers: Number(values.workers),
  heartbeatSeconds: Number(values.heartbeat),
  remoteStartGapMs: Number(values['remote-start-gap']),
  sessionSpreadSeconds: values['session-spread'] === undefined ? null : Number(values['session-spread']),
  seedMeterValues: Number(values['seed-meter-values']),
};
if (!Number.isInteger(options.chargers) || options.chargers < 1 || options.chargers > 50_000) throw new Error('--chargers must be an integer from 1 to 50000');
if (!(options.seconds > 0 && options.seconds <= 3600)) throw new Error('--seconds must be between 0 and 3600');
if (!(options.rate >= 0) || !(options.chargingShare >= 0 && options.chargingShare <= 1)) throw new Error('--rate >= 0, --charging-share in [0, 1]');
if (options.sessionSpreadSeconds !== null && !(options.sessionSpreadSeconds >= 0 && options.sessionSpreadSeconds <= 600)) throw new Error('--session-spread must be 0 to 600 seconds');
if (!Number.isInteger(options.seedMeterValues) || options.seedMeterValues < 0 || options.seedMeterValues > 1e9) throw new Error('--seed-meter-values must be a whole number of rows up to 1e9 (e.g. 1e7)');
if (!Number.isInteger(options.workers) || options.workers < 1 || options.workers > 16) throw new Error('--workers must be 1 to 16');

const protocols = values.protocols.split(',').map((protocol) => protocol.trim());
if (protocols.length === 0 || !protocols.every((protocol): protocol is BenchProtocol => protocol === '1.6' || protocol === '2.0.1')) throw new Error('--protocols takes 1.6, 2.0.1 or both, comma-separated');

const isOneFleet = protocols.length === 1 && protocols[0] === '1.6';
if ((options.closedLoop || values.sweep) && !isOneFleet) throw new Error('--closed-loop and --sweep drive a 1.6 fleet (MeterValues): leave --protocols out');

if (values.sweep) {
  const saturationSeconds = Number(values['saturation-seconds']);
  const stepSeconds = Number(values['step-seconds']);
  if (!(saturationSeconds > 0 && saturationSeconds <= 3600 && stepSeconds > 0 && stepSeconds <= 3600)) throw new Error('--saturation-seconds and --step-seconds must be between 0 and 3600');
  const report = await runSweep({ ...options, ocpp: '1.6', saturationSeconds, stepSeconds }, (line) => console.log(`[sweep] ${line}`));
  const chart = await writeSweepChart(report, values.chart);
  console.log(`chart written to ${chart}`);
  await printAndExit('ocpp-sweep', { ...report, chart }, sweepMarkdown(report, chart));
}

const reports = [];
for (const ocpp of protocols) reports.push(await runOcppBench({ ...options, ocpp }, (line) => console.log(`[bench ${ocpp}] ${line}`)));
await printAndExit('ocpp', reports.length === 1 ? reports[0]! : { byProtocol: reports }, protocolsMarkdown(reports));
