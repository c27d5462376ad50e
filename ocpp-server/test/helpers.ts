import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { RPCClient } from '../src/ocpp/rpc';
import { eq } from 'drizzle-orm';
import { createDb } from '../../db/client';
import { chargers } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { generateSecret, hashSecret } from '../../domain/crypto/secret';
import type { OcppConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startOcppServer, type OcppServer } from '../src/start';

export function testDb() {
  return createDb(process.env.DATABASE_URL!, { max: 5 });
}

export const TEST_AUTH_SECRET = 'ocpp-test-auth-secret-ocpp-test-auth-secret';

export function testConfig(overrides: Partial<OcppConfig> = {}): OcppConfig {
  return {
    databaseUrl: process.env.DATABASE_URL!,
    port: 0,
    host: '127.0.0.1',
    // Plain ws://: a 2.0.1 profile raise needs a test to name the wss:// server it sends the charger to.
    publicUrl: 'ws://127.0.0.1',
    instanceId: `test-${randomBytes(4).toString('hex')}`,
    tls: null,
    // Every test file shares the database and so its one platform CA row: the same secret must open its key.
    certificateAuthority: { files: null, secret: TEST_AUTH_SECRET },
    heartbeatIntervalSec: 300,
    sessionAwayGraceSec: 60,
    sessionSweepMs: 30_000,
    reservationSweepMs: 30_000,
    guestSweepMs: 30_000,
    notificationPollMs: 1_000,
    notificationKeepDays: 90,
    offlineNoticeMinutes: 10,
    offlineSweepMs: 30_000,
    statementSweepMs: 3_600_000,
    circuitSweepMs: 30_000,
    // Provisioning sends chargers calls of its own; its tests turn it on.
    isProvisioning: false,
    provisionDelayMs: 0,
    // So does the Local Authorization List sync.
    isSyncingLocalLists: false,
    backgroundRuns: 8,
    statementsInFlight: 2,
    pingIntervalMs: 30_000,
    callTimeoutMs: 5_000,
    maxMessageBytes: 64 * 1024,
    handshakeTimeoutMs: 10_000,
    messageLimit: { burst: 50, perSecond: 20 },
    maxCallsInFlight: 2000,
    databasePoolSize: 10,
    metricsToken: null,
    messageSummaryMs: 60_000,
    meterValuesRetentionMonths: null,
    heapGrowthPercent: null,
    ...overrides,
  };
}

export async function startTestServer(overrides: Partial<OcppConfig> = {}): Promise<OcppServer> {
  return startOcppServer(testConfig(overrides), createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
}

// A port free now, for a server that must know its own address before it listens (its public wss:// URL).
export async function freePort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export function endpoint(server: { port: number }) {
  return `ws://127.0.0.1:${server.port}/ocpp`;
}

type ClientOptions = { identity: string; password?: string; protocols?: string[]; strictMode?: boolean; reconnect?: boolean };

export async function connectClient(server: { port: number }, { identity, password, protocols = ['ocpp1.6'], strictMode = false, reconnect = false }: ClientOptions) {
  const client = new RPCClient({
    endpoint: endpoint(server),
    identity,
    password: password ?? null,
    protocols,
    strictMode,
    reconnect,
    // As long as waitFor waits: a busy machine answers late, and a test asserts what the answer says, not how soon.
    callTimeoutMs: 60_000,
  } as ConstructorParameters<typeof RPCClient>[0]);
  await client.connect();
  return client;
}

export async function makeChargerFixture(db: ReturnType<typeof testDb>['db']) {
  const account = await makeAccount(db);
  const charger = await makeCharger(db, { accountId: account.id });
  return { account, charger };
}

// A charger that logs in with HTTP Basic auth, and the password it was given.
export async function makeChargerWithPassword(db: ReturnType<typeof testDb>['db']) {
  const password = generateSecret();
  const account = await makeAccount(db);
  const charger = await makeCharger(db, { accountId: account.id, passwordHash: hashSecret(password) });
  return { account, charger, password, passwordHash: hashSecret(password) };
}

// The bound is a hang guard, not a figure: a busy CI machine running test files side by side can take seconds for
// what takes milliseconds here, and a passing wait returns as soon as its condition holds.
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, { timeoutMs = 60_000, everyMs = 25 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

// Until `server` holds the charger's socket and the database says so: a command is claimed by the process the
// charger's row names, and one sent before its connection is written down is answered offline.
export async function waitUntilHeld(db: ReturnType<typeof testDb>['db'], server: Pick<OcppServer, 'connections' | 'instanceId'>, chargerId: string) {
  await waitFor(async () => {
    if (server.connections.get(chargerId) === undefined) return false;
    const [row] = await db.select({ isOnline: chargers.isOnline, instanceId: chargers.instanceId }).from(chargers).where(eq(chargers.id, chargerId));
    return row?.isOnline === true && row.instanceId === server.instanceId;
  });
}
