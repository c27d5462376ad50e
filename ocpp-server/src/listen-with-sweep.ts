import type { Sql } from 'postgres';

// A NOTIFY is not stored, so a listener also sweeps: on every (re)connect of its LISTEN connection, for what
// was sent while it was away, and on a timer, for what slipped between a check and the change's commit.
// Returns the function that stops both.
export async function listenWithSweep(
  sql: Sql,
  channel: string,
  { onNotify, sweep, sweepEveryMs }: { onNotify: (payload: string) => void; sweep: () => Promise<void>; sweepEveryMs: number },
) {
  const subscription = await sql.listen(channel, onNotify, () => void sweep());
  const timer = setInterval(() => void sweep(), sweepEveryMs);
  timer.unref();
  return async function stop() {
    clearInterval(timer);
    await subscription.unlisten();
  };
}
