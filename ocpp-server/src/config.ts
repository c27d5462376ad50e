import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { AuthoritySource } from './platform-ca';

export type OcppConfig = {
  databaseUrl: string;
  port: number;
  host: string | undefined;
  // The address chargers are told to connect to (OCPP_PUBLIC_URL, as the web app shows it): a 2.0.1 charger whose
  // security profile is raised is sent it, with /ocpp, as the CSMS URL of its new network profile.
  publicUrl: string;
  instanceId: string;
  tls: { cert: Buffer; key: Buffer } | null;
  // The platform CA that signs chargers' certificates (src/platform-ca.ts).
  certificateAuthority: AuthoritySource;
  heartbeatIntervalSec: number;
  // A session whose charger has been away longer than heartbeatIntervalSec + this is flagged as not confirmed.
  sessionAwayGraceSec: number;
  sessionSweepMs: number;
  // How often reservations past their expiry are ended, and ReserveNow answers the bus finished without a
  // dispatcher (expired, interrupted) applied.
  reservationSweepMs: number;
  // How often guests whose access has ended are removed (their sessions stopped, their cards blocked).
  guestSweepMs: number;
  notificationPollMs: number;
  // Sent and failed notifications are kept this long, then trimmed by the dispatcher.
  notificationKeepDays: number;
  // A charger offline longer than this is announced to its managers once per outage, by a sweep this often.
  offlineNoticeMinutes: number;
  offlineSweepMs: number;
  // How often last month's statements are looked for to issue and e-mail (the first of the month, account's zone).
  statementSweepMs: number;
  // How often every circuit is planned again besides its events (charging windows opening and closing).
  circuitSweepMs: number;
  // Boot provisioning (GetConfiguration, then the meter keys); off only for tests of other things.
  isProvisioning: boolean;
  provisionDelayMs: number;
  // Local Authorization List sync at boot, reconnect and every card change; off only for tests of other things.
  isSyncingLocalLists: boolean;
  // Provisioning and list-sync runs in progress at once across all chargers; the rest wait their turn.
  backgroundRuns: number;
  pingIntervalMs: number;
  callTimeoutMs: number;
  maxMessageBytes: number;
  handshakeTimeoutMs: number;
  databasePoolSize: number;
  // Group-commit statements in flight at once, all kinds of charger call together (batcher.ts, StatementSlots).
  statementsInFlight: number;
  // Per connection; null: unlimited.
  messageLimit: { burst: number; perSecond: number } | null;
  // Charger calls in flight (read, not yet answered) in the whole process at which sockets stop being read; null: no cap.
  maxCallsInFlight: number | null;
  // Bearer token for GET /metrics from other machines; null: served to loopback only (src/metrics/endpoint.ts).
  metricsToken: string | null;
  // How often the aggregated 'charger messages answered' info line is logged.
  messageSummaryMs: number;
  // Whole months of meter values older than this many months before the current one are dropped; null: kept forever.
  meterValuesRetentionMonths: number | null;
  // How far V8 lets the heap grow past what its last full collection kept, in percent; null: V8's own choice.
  heapGrowthPercent: number | null;
};

function positiveNumber(name: string, fallback: number) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
}

// A throttle, not a cutoff: past the burst a connection's frames wait for the rate and its socket is read no
// faster (src/ocpp/guarded-socket.ts). A charger sends at most one CALL at a time (OCPP-J 1.6 §4.1.1), each after
// the previous answer: over a cellular link that is a few a second, so 20 a second slows only a charger replaying
// its offline queue over a fast link (by at most 50 ms a message), and a burst of 50 lets a boot's
// BootNotification and StatusNotifications through undelayed. 0 turns the limit off.
function messageLimitFromEnv() {
  const perSecond = positiveNumber('OCPP_MESSAGE_RATE', 20);
  const burst = positiveNumber('OCPP_MESSAGE_BURST', 50);
  return perSecond > 0 ? { burst: Math.max(burst, 1), perSecond } : null;
}

// Node reads a timeout of 0 as none: silent and half-sent upgrade requests would hold their sockets forever.
function handshakeTimeoutFromEnv() {
  const seconds = positiveNumber('OCPP_HANDSHAKE_TIMEOUT', 10);
  if (seconds === 0) throw new Error('OCPP_HANDSHAKE_TIMEOUT must be more than 0 seconds (0 would turn the handshake timeout off)');
  return seconds * 1000;
}

// Batched writes hold a connection for a whole batch; with too few, a burst of session starts (each a short
// transaction) waited behind them. Each OCPP process takes this many of PostgreSQL's max_connections (default 100).
function databasePoolSizeFromEnv() {
  return wholeNumberFromEnv('OCPP_DATABASE_POOL', 20, 'connections');
}

// Measured connecting 10,000 chargers on two cores shared with PostgreSQL (README, Performance): with 2 statements at
// once 27 s and 17 s of server CPU, with 4 33–37 s, with 8 or no limit 52–56 s: more statements at once only made
// every batch smaller. A database on cores of its own may take more.
const DEFAULT_STATEMENTS_IN_FLIGHT = 2;

function statementsInFlightFromEnv() {
  return wholeNumberFromEnv('OCPP_STATEMENTS_IN_FLIGHT', DEFAULT_STATEMENTS_IN_FLIGHT, 'statements at once');
}

// A count of at least 1 (`unit` names it in the error), or `fallback` when unset or empty.
function wholeNumberFromEnv(name: string, fallback: number, unit: string) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1) throw new Error(`${name} must be a whole number of ${unit}, at least 1`);
  return count;
}

// How many chargers are provisioned or have their lists synced at once (src/background-slots.ts). Each run holds a
// database connection for a few statements and waits on a charger's answers in between; 8 keeps a fleet booting at
// once from taking the pool and the event loop from the chargers' own messages (README, Performance).
function backgroundRunsFromEnv() {
  return wholeNumberFromEnv('OCPP_BACKGROUND_RUNS', 8, 'runs at once');
}

// A burst from thousands of chargers at once otherwise becomes as many parsed frames, handler promises, group-commit
// entries and log rows on the heap (issue 23: peak RSS 1.27–1.52 GiB at 19,000 chargers); at the cap the next frames
// wait in the TCP buffers (src/ocpp/call-gate.ts). Steady load stays well under 2,000: at 2,000 messages a second
// answered within a few hundred ms, a few hundred are in flight; a burst (thousands of sessions starting within a
// second, a fleet reconnecting) goes past it and waits. 0 turns the cap off.
function maxCallsInFlightFromEnv() {
  const raw = process.env.OCPP_MAX_CALLS_IN_FLIGHT;
  if (raw === undefined || raw === '') return 2000;
  const calls = Number(raw);
  if (!Number.isInteger(calls) || calls < 0) throw new Error('OCPP_MAX_CALLS_IN_FLIGHT must be a whole number of calls (0 turns the cap off)');
  return calls === 0 ? null : calls;
}

// A busy server allocates fast, and V8 then lets the heap grow to three or four times what is live before it
// collects it all: at 19,000 chargers, 1.9 GiB resident for 500 MiB live (README, Performance). 50 % collects sooner,
// for some CPU (src/heap-growth.ts). 0 leaves the choice to V8.
function heapGrowthPercentFromEnv() {
  const raw = process.env.OCPP_HEAP_GROWTH_PERCENT;
  if (raw === undefined || raw === '') return 50;
  const percent = Number(raw);
  if (!Number.isInteger(percent) || percent < 0 || percent > 300) throw new Error('OCPP_HEAP_GROWTH_PERCENT must be a whole number of percent from 0 to 300 (0 leaves it to V8)');
  return percent === 0 ? null : percent;
}

// Unset or empty keeps every reading. At least 1: the month before this one is still being billed.
function meterValuesRetentionFromEnv() {
  const raw = process.env.METER_VALUES_RETENTION_MONTHS;
  if (raw === undefined || raw === '') return null;
  const months = Number(raw);
  if (!Number.isInteger(months) || months < 1) throw new Error('METER_VALUES_RETENTION_MONTHS must be a whole number of months, at least 1 (unset keeps every reading)');
  return months;
}

export function configFromEnv(): OcppConfig {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const port = positiveNumber('OCPP_PORT', 9000);
  const certPath = process.env.OCPP_TLS_CERT;
  const keyPath = process.env.OCPP_TLS_KEY;
  if (Boolean(certPath) !== Boolean(keyPath)) throw new Error('OCPP_TLS_CERT and OCPP_TLS_KEY go together');
  const caCertPath = process.env.OCPP_CA_CERT;
  const caKeyPath = process.env.OCPP_CA_KEY;
  if (Boolean(caCertPath) !== Boolean(caKeyPath)) throw new Error('OCPP_CA_CERT and OCPP_CA_KEY go together');
  return {
    databaseUrl,
    port,
    host: process.env.OCPP_HOST || undefined,
    publicUrl: (process.env.OCPP_PUBLIC_URL || `ws://localhost:${port}`).replace(/\/$/, ''),
    // Stable across restarts of the same process slot, so that a restarted process finds the flags it left behind.
    instanceId: process.env.OCPP_INSTANCE_ID || `${hostname()}:${port}`,
    tls: certPath && keyPath ? { cert: readFileSync(certPath), key: readFileSync(keyPath) } : null,
    certificateAuthority: { files: caCertPath && caKeyPath ? { certPath: caCertPath, keyPath: caKeyPath } : null, secret: process.env.AUTH_SECRET || null },
    heartbeatIntervalSec: positiveNumber('OCPP_HEARTBEAT_INTERVAL', 300),
    sessionAwayGraceSec: positiveNumber('OCPP_SESSION_AWAY_GRACE', 60),
    sessionSweepMs: Math.max(positiveNumber('OCPP_SESSION_SWEEP_INTERVAL', 30), 0.1) * 1000,
    reservationSweepMs: Math.max(positiveNumber('OCPP_RESERVATION_SWEEP_INTERVAL', 10), 0.1) * 1000,
    guestSweepMs: Math.max(positiveNumber('OCPP_GUEST_SWEEP_INTERVAL', 15), 0.1) * 1000,
    notificationPollMs: Math.max(positiveNumber('OCPP_NOTIFICATION_POLL_INTERVAL', 2), 0.1) * 1000,
    notificationKeepDays: positiveNumber('OCPP_NOTIFICATION_RETENTION_DAYS', 90),
    offlineNoticeMinutes: positiveNumber('OCPP_OFFLINE_NOTICE_MINUTES', 10),
    offlineSweepMs: Math.max(positiveNumber('OCPP_OFFLINE_SWEEP_INTERVAL', 60), 0.1) * 1000,
    statementSweepMs: Math.max(positiveNumber('OCPP_STATEMENT_SWEEP_INTERVAL', 300), 0.1) * 1000,
    circuitSweepMs: Math.max(positiveNumber('OCPP_CIRCUIT_SWEEP_INTERVAL', 60), 0.1) * 1000,
    isProvisioning: process.env.OCPP_PROVISIONING !== '0',
    provisionDelayMs: positiveNumber('OCPP_PROVISION_DELAY', 2) * 1000,
    isSyncingLocalLists: process.env.OCPP_LOCAL_LISTS !== '0',
    backgroundRuns: backgroundRunsFromEnv(),
    pingIntervalMs: positiveNumber('OCPP_PING_INTERVAL', 30) * 1000,
    callTimeoutMs: positiveNumber('OCPP_CALL_TIMEOUT', 30) * 1000,
    maxMessageBytes: positiveNumber('OCPP_MAX_MESSAGE_BYTES', 64 * 1024),
    handshakeTimeoutMs: handshakeTimeoutFromEnv(),
    messageLimit: messageLimitFromEnv(),
    maxCallsInFlight: maxCallsInFlightFromEnv(),
    databasePoolSize: databasePoolSizeFromEnv(),
    statementsInFlight: statementsInFlightFromEnv(),
    metricsToken: process.env.OCPP_METRICS_TOKEN || null,
    messageSummaryMs: Math.max(positiveNumber('OCPP_LOG_SUMMARY_INTERVAL', 10), 1) * 1000,
    meterValuesRetentionMonths: meterValuesRetentionFromEnv(),
    heapGrowthPercent: heapGrowthPercentFromEnv(),
  };
}
