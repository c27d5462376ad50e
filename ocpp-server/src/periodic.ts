// Runs `work` every `everyMs`, never two at once; `run` starts one now (or joins the one under way), `stop` waits
// for the one under way. The timer keeps no process alive.
export function runPeriodically(work: () => Promise<void>, everyMs: number) {
  let running: Promise<void> | null = null;
  const run = () => (running ??= work().finally(() => (running = null)));
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return {
    run,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
