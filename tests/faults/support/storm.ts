import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { StormCommand, StormReport, StormStatus } from './storm-protocol';

// Simulated chargers spread over processes of their own: one process holding thousands of them would be the
// bottleneck of the test instead of the server.
export type Storm = { status: (since?: number) => Promise<Omit<StormStatus, 'type'>>; stop: () => Promise<void> };

function next<T extends StormReport['type']>(worker: ChildProcess, type: T): Promise<Extract<StormReport, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`storm worker exited with ${code}`));
    const onMessage = (message: StormReport) => {
      if (message.type !== type) return;
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      resolve(message as Extract<StormReport, { type: T }>);
    };
    worker.on('message', onMessage);
    worker.once('exit', onExit);
  });
}

export async function startStorm({ url, identities, workers, spreadMs }: { url: string; identities: string[]; workers: number; spreadMs: number }): Promise<Storm> {
  const children = Array.from({ length: workers }, () =>
    fork('tests/faults/support/storm-worker.ts', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const send = (child: ChildProcess, command: StormCommand) => child.send(command);
  const started = children.map((child) => next(child, 'started'));
  children.forEach((child, index) => send(child, { type: 'start', url, identities: identities.filter((_, position) => position % workers === index), spreadMs }));
  const failed = (await Promise.all(started)).reduce((sum, report) => sum + report.failed, 0);
  if (failed > 0) throw new Error(`${failed} chargers could not connect`);

  return {
    async status(since = 0) {
      const reports = await Promise.all(
        children.map((child) => {
          const report = next(child, 'status');
          send(child, { type: 'status', since });
          return report;
        }),
      );
      return {
        connected: reports.reduce((sum, report) => sum + report.connected, 0),
        answered: reports.reduce((sum, report) => sum + report.answered, 0),
        reconnected: reports.reduce((sum, report) => sum + report.reconnected, 0),
        failedAttempts: reports.reduce((sum, report) => sum + report.failedAttempts, 0),
        firstOpenedAt: Math.min(...reports.map((report) => report.firstOpenedAt)),
        lastOpenedAt: Math.max(...reports.map((report) => report.lastOpenedAt)),
      };
    },
    async stop() {
      await Promise.all(
        children.map(async (child) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, 'exit');
          send(child, { type: 'stop' });
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
