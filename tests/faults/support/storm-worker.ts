// One process of simulated chargers for the reconnect storm: connects its share, then reports how many are
// connected and have had a call answered since their latest (re)connect.
import { SimulatedCharger } from '../../../ocpp-server/simulator/simulated-charger';
import type { StormCommand, StormReport } from './storm-protocol';

type Attempt = { at: number; isOpened: boolean };
type Tracked = { charger: SimulatedCharger; opens: number; answeredOpen: number; attempts: Attempt[] };
let tracked: Tracked[] = [];

const send = (message: StormReport) => process.send!(message);

function track(charger: SimulatedCharger): Tracked {
  const entry: Tracked = { charger, opens: 0, answeredOpen: 0, attempts: [] };
  charger.client.on('connecting', () => entry.attempts.push({ at: Date.now(), isOpened: false }));
  // Every (re)connect is followed by a Heartbeat, as a charger that checks its link would.
  charger.client.on('open', () => {
    const open = ++entry.opens;
    entry.attempts.at(-1)!.isOpened = true;
    charger.client.call('Heartbeat', {}).then(
      () => (entry.answeredOpen = Math.max(entry.answeredOpen, open)),
      () => {},
    );
  });
  return entry;
}

async function start({ url, identities, spreadMs }: Extract<StormCommand, { type: 'start' }>) {
  tracked = identities.map((identity) =>
    track(new SimulatedCharger({ url, identity, heartbeatIntervalMs: 3_600_000, callTimeoutMs: 60_000, backoff: { initialDelay: 1_000, maxDelay: 3_000 } })),
  );
  const results = await Promise.allSettled(
    tracked.map(async ({ charger }) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * spreadMs));
      await charger.start();
    }),
  );
  send({ type: 'started', failed: results.filter((result) => result.status === 'rejected').length });
}

// Of the attempts begun since `since` (the server listening again): the span of the successful ones and the
// count of those that failed, which a thundering herd the server cannot take would drive up.
function attemptsSince(since: number) {
  const attempts = tracked.flatMap(({ attempts }) => attempts.filter((attempt) => attempt.at >= since));
  const opened = attempts.filter((attempt) => attempt.isOpened).map((attempt) => attempt.at);
  return { failedAttempts: attempts.length - opened.length, firstOpenedAt: Math.min(...opened), lastOpenedAt: Math.max(...opened) };
}

function status(since: number) {
  send({
    type: 'status',
    ...attemptsSince(since),
    connected: tracked.filter(({ charger }) => charger.isConnected).length,
    answered: tracked.filter(({ charger, opens, answeredOpen }) => charger.isConnected && answeredOpen === opens).length,
    reconnected: tracked.filter(({ opens }) => opens >= 2).length,
  });
}

process.on('message', (message: StormCommand) => {
  if (message.type === 'start') void start(message);
  if (message.type === 'status') status(message.since);
  if (message.type === 'stop') void Promise.allSettled(tracked.map(({ charger }) => charger.stop())).then(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
