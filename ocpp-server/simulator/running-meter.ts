// A connector's energy register that runs on between readings, as a real meter does: read at any moment (a periodic
// sample, a stop, a triggered reading), it holds what the car drew since the last read at the power it draws, so a
// session stopped before its first sample still took energy. Kept to the fraction of a Wh; read in whole Wh.
export class RunningMeter {
  private exactWh: number;
  private readAtMs: number;

  constructor(
    startWh: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.exactWh = startWh;
    this.readAtMs = clock();
  }

  read(powerW: number) {
    const now = this.clock();
    this.exactWh += (Math.max(0, powerW) * Math.max(0, now - this.readAtMs)) / 3_600_000;
    this.readAtMs = now;
    return Math.round(this.exactWh);
  }
}
