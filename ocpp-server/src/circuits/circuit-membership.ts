// Which circuit each charger is in, as the planner asks on every charger event. Most chargers are in none, and a
// fleet coming online sends five events a charger (connected, boot, a status per connector): read from PostgreSQL
// each time, this lookup was most of the statements a connecting fleet caused. A charger's circuit is read once
// while it is online and forgotten when it goes offline, so that it is read again when it is back. Everything kept
// is forgotten when the web app changes a circuit's chargers (its NOTIFY) and on each sweep, which also covers what
// no NOTIFY announces (a circuit deleted, a change while the LISTEN connection was down).
type LookUp = (chargerId: string) => Promise<string | null>;

export class CircuitMembership {
  private known = new Map<string, string | null>();
  private reading = new Map<string, Promise<string | null>>();

  constructor(private readonly lookUp: LookUp) {}

  circuitOf(chargerId: string): Promise<string | null> {
    if (this.known.has(chargerId)) return Promise.resolve(this.known.get(chargerId)!);
    const inFlight = this.reading.get(chargerId);
    if (inFlight) return inFlight;
    // Kept only if nothing forgot the charger (or every charger) while it was being read: the read may hold what a
    // change replaced, or be of a charger now offline.
    const isCurrent = () => this.reading.get(chargerId) === read;
    const read: Promise<string | null> = this.lookUp(chargerId).then(
      (circuitId) => {
        if (isCurrent()) {
          this.reading.delete(chargerId);
          this.known.set(chargerId, circuitId);
        }
        return circuitId;
      },
      (error: unknown) => {
        if (isCurrent()) this.reading.delete(chargerId);
        throw error;
      },
    );
    this.reading.set(chargerId, read);
    return read;
  }

  forget(chargerId: string) {
    this.known.delete(chargerId);
    this.reading.delete(chargerId);
  }

  forgetAll() {
    this.known.clear();
    this.reading.clear();
  }
}
