// The simulator's charger personalities (ocpp-server/README.md), each the way some real firmware behaves, with the
// simulator flags that give it.
export const PERSONALITIES: [name: string, flags: string[]][] = [
  ['plain', []],
  ['boots with sampling off', ['--boots-with-sampling-off']],
  ['sends a reading after its stop', ['--readings-after-stop']],
  ['replays its offline queue', ['--replays-offline-queue']],
  ['authorizes remote starts', ['--authorize-remote-starts']],
  ['sends timestamps without an offset', ['--naive-timestamps']],
  ['sends security events at boot', ['--security-event=StartupOfTheDevice']],
];
