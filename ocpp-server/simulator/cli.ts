// `npm run simulate -- [--ocpp 1.6 | --ocpp 2.0.1] --chargers N [--url ws://localhost:9000/ocpp] [--password ...] [--identity-prefix SIM | --identity ID]
//   [--meter-interval 5000] [--power 7400] [--phases 3] [--voltage 230] [--charge] [--register] [--security-event TYPE …] [--authorize-remote-starts]
//   [--naive-timestamps] [--boots-with-sampling-off] [--readings-after-stop] [--replays-offline-queue] [--without-reservations] [--without-security-extension]
//   [--no-local-list | --local-list-max N] [--send-local-list-max N] [--diagnostics-upload put|post|multipart]
//   [--firmware-version V] [--firmware-version-after-update V]
//   [--present-card ID …] [--connector-status C:STATUS[:ERROR] …]
//   [--ignore ACTION …] [--reject-remote-starts] [--reject-charging-profiles | --without-smart-charging] [--max-stack-level N] [--rate-units A|W|A,W]
//   [--server-ca FILE] [--reconnect-with-certificate] [--two-connector-evse 1|2 [--plug-connector 1|2]]`
// With --ocpp 2.0.1 the charger speaks OCPP 2.0.1 (v201/): of the options above it takes the connection, meter, power,
// --charge, --present-card, --reject-remote-starts, smart charging and --server-ca ones (the last for a raised security profile's wss://), and
// --two-connector-evse is its own.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { registerSimulatedChargers, SIMULATOR_ID_TAG } from './register';
import { parseStatusStep, runScriptedSteps } from './scripted-steps';
import { SimulatedCharger } from './simulated-charger';
import { SimulatedCharger201 } from './v201/simulated-charger-201';

const { values } = parseArgs({
  options: {
    ocpp: { type: 'string', default: '1.6' },
    chargers: { type: 'string', default: '1' },
    url: { type: 'string', default: 'ws://localhost:9000/ocpp' },
    password: { type: 'string' },
    'identity-prefix': { type: 'string', default: 'SIM' },
    // One charger with exactly this identity, as registered on the platform.
    identity: { type: 'string' },
    'meter-interval': { type: 'string', default: '5000' },
    charge: { type: 'boolean', default: false },
    // Charging power in watts while a session runs (7400: a typical single-phase wallbox).
    power: { type: 'string', default: '7400' },
    // How it is wired: the phases it draws on (1 or 3) and their voltage; its current limits convert to power with them.
    phases: { type: 'string', default: '3' },
    voltage: { type: 'string', default: '230' },
    register: { type: 'boolean', default: false },
    // A SecurityEventNotification of this type after each boot (repeat the flag for several).
    'security-event': { type: 'string', multiple: true, default: [] },
    // AuthorizeRemoteTxRequests=true: Authorize before starting a remote start.
    'authorize-remote-starts': { type: 'boolean', default: false },
    // Timestamps without a UTC offset.
    'naive-timestamps': { type: 'boolean', default: false },
    'boots-with-sampling-off': { type: 'boolean', default: false },
    'readings-after-stop': { type: 'boolean', default: false },
    'replays-offline-queue': { type: 'boolean', default: false },
    // No Reservation profile: ReserveNow and CancelReservation answered NotImplemented.
    'without-reservations': { type: 'boolean', default: false },
    // No security whitepaper: GetLog, ExtendedTriggerMessage and SignedUpdateFirmware answered NotImplemented.
    'without-security-extension': { type: 'boolean', default: false },
    // No Local Auth List Management profile (its calls answered NotImplemented), or the list's size limits.
    'no-local-list': { type: 'boolean', default: false },
    'local-list-max': { type: 'string' },
    'send-local-list-max': { type: 'string' },
    // How a GetDiagnostics file is uploaded: a raw PUT, a raw POST, or a multipart/form-data POST.
    'diagnostics-upload': { type: 'string', default: 'put' },
    // The version BootNotification reports, and the one after an UpdateFirmware (default: read from the file's name).
    'firmware-version': { type: 'string' },
    'firmware-version-after-update': { type: 'string' },
    // After booting: an Authorize for each card shown at the reader, then each connector status (connector:status[:errorCode]).
    'present-card': { type: 'string', multiple: true, default: [] },
    'connector-status': { type: 'string', multiple: true, default: [] },
    // Central system calls never answered (e.g. RemoteStartTransaction), or every remote start answered Rejected.
    ignore: { type: 'string', multiple: true, default: [] },
    'reject-remote-starts': { type: 'boolean', default: false },
    'reject-charging-profiles': { type: 'boolean', default: false },
    'without-smart-charging': { type: 'boolean', default: false },
    // Its Smart Charging limits: the highest stack level it takes, and the units of the schedules it takes (A, W or A,W).
    'max-stack-level': { type: 'string' },
    'rate-units': { type: 'string', default: 'A,W' },
    // Over wss://: the PEM file of the CA that signed the server's certificate (when the system's CAs do not know it).
    'server-ca': { type: 'string' },
    // Security profile 3: after a CertificateSigned, log in again over wss:// with that client certificate.
    'reconnect-with-certificate': { type: 'boolean', default: false },
    // 2.0.1: this EVSE also has a connector 2 (a tethered cable beside its socket), and the car is plugged into that
    // connector of it (1 or 2; a --charge session runs there).
    'two-connector-evse': { type: 'string' },
    'plug-connector': { type: 'string', default: '1' },
  },
});

function positiveOption(name: 'local-list-max' | 'send-local-list-max') {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const electrical = { phases: Number(values.phases), voltage: Number(values.voltage) };
if (electrical.phases !== 1 && electrical.phases !== 3) throw new Error('--phases must be 1 or 3');
if (!(electrical.voltage > 0)) throw new Error('--voltage must be a positive number of volts');

const diagnosticsUpload = values['diagnostics-upload'];
if (diagnosticsUpload !== 'put' && diagnosticsUpload !== 'post' && diagnosticsUpload !== 'multipart') throw new Error('--diagnostics-upload must be put, post or multipart');

if (values.ocpp !== '1.6' && values.ocpp !== '2.0.1') throw new Error('--ocpp must be 1.6 or 2.0.1');

const serverCa = values['server-ca'] ? readFileSync(values['server-ca'], 'utf8') : undefined;
const scriptedSteps = { presentedCards: values['present-card'], statuses: values['connector-status'].map(parseStatusStep) };
const count = Number(values.chargers);
if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error('--chargers must be an integer from 1 to 100000');
const identities = values.identity
  ? [values.identity]
  : Array.from({ length: count }, (_, index) => `${values['identity-prefix']}-${String(index + 1).padStart(4, '0')}`);

if (values.register) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('--register needs DATABASE_URL');
  const { created } = await registerSimulatedChargers({ databaseUrl, identities, password: values.password });
  console.log(JSON.stringify({ msg: 'registered simulated chargers', created, idTag: SIMULATOR_ID_TAG }));
}

const twoConnectorEvse = values['two-connector-evse'] === undefined ? undefined : Number(values['two-connector-evse']);
if (twoConnectorEvse !== undefined && twoConnectorEvse !== 1 && twoConnectorEvse !== 2) throw new Error('--two-connector-evse must be 1 or 2');
const plugConnector = Number(values['plug-connector']);
if (plugConnector !== 1 && plugConnector !== (twoConnectorEvse === undefined ? 1 : 2)) throw new Error('--plug-connector must be 1, or 2 with --two-connector-evse');

const maxStackLevel = values['max-stack-level'] === undefined ? undefined : Number(values['max-stack-level']);
if (maxStackLevel !== undefined && (!Number.isInteger(maxStackLevel) || maxStackLevel < 0)) throw new Error('--max-stack-level must be a whole number from 0');
const rateUnits = values['rate-units'].split(',').map((unit) => unit.trim());
if (rateUnits.length === 0 || !rateUnits.every((unit): unit is 'A' | 'W' => unit === 'A' || unit === 'W')) throw new Error('--rate-units must be A, W or A,W');
const smartCharging = {
  isSupported: !values['without-smart-charging'],
  rejectsProfiles: values['reject-charging-profiles'],
  rateUnits,
  ...(maxStackLevel === undefined ? {} : { maxStackLevel }),
};

const ocpp201 = (identity: string) =>
  new SimulatedCharger201({
    url: values.url,
    identity,
    password: values.password,
    evses: 2,
    ...(twoConnectorEvse === undefined ? {} : { twoConnectorEvse }),
    meterIntervalMs: Number(values['meter-interval']),
    powerW: Number(values.power),
    rejectsRemoteStarts: values['reject-remote-starts'],
    smartCharging,
    diagnosticsUpload,
    localList: { support: values['no-local-list'] ? 'notImplemented' : 'supported', sendMaxLength: positiveOption('send-local-list-max') },
    firmware: { installedVersion: values['firmware-version'], versionAfterUpdate: values['firmware-version-after-update'] },
    clientCertificate: { serverCa },
  });

const simulated = identities.map((identity) =>
  values.ocpp === '2.0.1'
    ? ocpp201(identity)
    : new SimulatedCharger({
      url: values.url,
      identity,
      password: values.password,
      connectors: 2,
      meterIntervalMs: Number(values['meter-interval']),
      powerW: Number(values.power),
      electrical,
      securityEventsAtBoot: values['security-event'].map((type) => ({ type })),
      authorizesRemoteStarts: values['authorize-remote-starts'],
      naiveTimestamps: values['naive-timestamps'],
      bootsWithSamplingOff: values['boots-with-sampling-off'],
      readingsAfterStop: values['readings-after-stop'],
      replaysOfflineQueue: values['replays-offline-queue'],
      supportsReservations: !values['without-reservations'],
      supportsSecurityExtension: !values['without-security-extension'],
      diagnosticsUpload,
      localList: {
        support: values['no-local-list'] ? 'notImplemented' : 'supported',
        maxLength: positiveOption('local-list-max'),
        sendMaxLength: positiveOption('send-local-list-max'),
      },
      firmware: { installedVersion: values['firmware-version'], versionAfterUpdate: values['firmware-version-after-update'] },
      ignoreActions: values.ignore,
      rejectsRemoteStarts: values['reject-remote-starts'],
      smartCharging,
      clientCertificate: { serverCa, reconnectsWithCertificate: values['reconnect-with-certificate'] },
    }),
);

const started = Date.now();
const results = await Promise.allSettled(
  simulated.map(async (charger) => {
    await charger.start();
    if (charger instanceof SimulatedCharger) await runScriptedSteps(charger, scriptedSteps);
    else {
      for (const idTag of scriptedSteps.presentedCards) await charger.authorize(idTag);
      if (twoConnectorEvse !== undefined) charger.connectors.plug(twoConnectorEvse, plugConnector);
    }
    if (values.charge) await charger.startSession(charger instanceof SimulatedCharger201 ? (twoConnectorEvse ?? 1) : 1, SIMULATOR_ID_TAG);
  }),
);
const failed = results.filter((result) => result.status === 'rejected');
for (const result of failed.slice(0, 5)) console.error(JSON.stringify({ msg: 'charger failed to start', error: String((result as PromiseRejectedResult).reason) }));
console.log(JSON.stringify({ msg: 'simulators started', connected: identities.length - failed.length, failed: failed.length, ms: Date.now() - started }));

const report = setInterval(() => {
  const connected = simulated.filter((charger) => charger.isConnected).length;
  const queued = simulated.reduce((sum, charger) => sum + (charger instanceof SimulatedCharger ? charger.queue.length : 0), 0);
  console.log(JSON.stringify({ msg: 'simulators', connected, queued }));
}, 10_000);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(report);
    void Promise.all(simulated.map((charger) => charger.stop())).then(() => process.exit(0));
  });
}
