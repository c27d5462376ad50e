import { createRPCError, RPCError, RPCServer } from './ocpp/rpc';
import type { Database } from '../../db/client';
import { createAuthenticator } from './auth';
import { NO_CREDENTIAL, type Connections } from './connections';
import { HANDLERS_BY_PROTOCOL, SUPPORTED_PROTOCOLS } from './handlers';
import type { ActionTable, HandlerContext } from './handlers/types';
import { createConnectionMemory } from './handlers/connection-memory';
import type { Logger } from './logger';
import type { RefusalRecorder } from './refusal-recorder';
import type { AuthorityProvider } from './platform-ca';
import { refusalAddress, refusalDetail } from '../../domain/chargers/connection-refusals';
import { tapMessages } from './message-tap';
import { applyOcpp16CallErrorCode, applyOcpp16ErrorCode, applyOcpp16ValidationCode, dropEchoedPayload } from './ocpp/frame-errors';
import { FrameRefusedError, guardedWebSocket, type MessageLimit } from './ocpp/guarded-socket';
import type { CallGate } from './ocpp/call-gate';
import { applyOcpp201ValidationCode } from './ocpp/frame-errors-201';
import { containsNul } from './ocpp/nul-strings';
import type { ChargerSession, ServerClient } from './ocpp/rpc';
import { createTimedViews, type BatchedStore } from '../../domain/data/charger-traffic/batched';
import type { MessageLog } from '../../domain/data/charger-traffic/message-log';
import { promoteNextPassword } from '../../domain/data/charger-traffic/next-password';
import { promoteNextSecurityProfile } from '../../domain/data/charger-traffic/next-security-profile';
import type { LoginCredential } from '../../domain/data/charger-traffic/chargers';
import type { FinishedMessage } from './metrics/registry';
import { timeMessages, type HandlerTimer } from './metrics/message-timer';
import type { StatementTiming } from '../../domain/data/charger-traffic/statement-timing';

export type RpcServerOptions = {
  db: Database;
  store: BatchedStore;
  log: Logger;
  connections: Connections;
  messageLog: MessageLog;
  refusals: RefusalRecorder;
  heartbeatIntervalSec: number;
  onBooted: (chargerId: string) => void;
  pingIntervalMs: number;
  callTimeoutMs: number;
  maxMessageBytes: number;
  messageLimit: MessageLimit | null;
  // Counts the calls in flight (as messageMetrics.inFlight) and holds the sockets back at the process's cap.
  callGate: CallGate;
  authority: AuthorityProvider;
  messageMetrics: { inFlight: { inc(): void; dec(): void }; finished: (message: FinishedMessage) => void };
};

function registerHandlers(client: ServerClient, table: ActionTable, ctx: HandlerContext, timeHandler: HandlerTimer, timedStore: (timing: StatementTiming) => BatchedStore) {
  for (const [action, handler] of Object.entries(table)) {
    client.handle(action, async ({ params, messageId }) => {
      if (containsNul(params)) throw createRPCError('PropertyConstraintViolation', 'Strings must not contain U+0000');
      // Made only when something is logged: a child logger per message was a measurable share of the CPU under load.
      let callLog: Logger | undefined;
      const log = () => (callLog ??= ctx.log.child({ action, messageId }));
      const began = performance.now();
      try {
        const response = await timeHandler(messageId, (timing) =>
          handler(
            {
              ...ctx,
              store: timing ? timedStore(timing) : ctx.store,
              get log() {
                return log();
              },
            },
            params as never,
          ),
        );
        // Per message at debug only: at info, hundreds of lines a second under load cost CPU; the aggregated
        // 'charger messages answered' line (metrics/message-summary.ts) keeps operators informed.
        if (ctx.log.isLevelEnabled('debug')) log().debug({ ms: Math.round(performance.now() - began) }, 'handled');
        return response as Record<string, unknown>;
      } catch (error) {
        if (error instanceof RPCError) throw error;
        log().error({ err: error }, 'handler failed');
        // A charger resends a refused transaction message (1.6 §3.7, TransactionMessageAttempts); no detail leaks to it.
        throw createRPCError('InternalError', 'Internal error');
      }
    });
  }
}

export function createRpcServer(options: RpcServerOptions) {
  const { db, store, log, connections, messageLog, refusals } = options;
  const timedStore = createTimedViews(store);
  const server = new RPCServer({
    protocols: SUPPORTED_PROTOCOLS,
    strictMode: true,
    callTimeoutMs: options.callTimeoutMs,
    pingIntervalMs: options.pingIntervalMs,
    // A socket held back by the message limit reads no pong until its waiting frames are delivered; each one
    // delivered shows the charger alive and postpones the next ping (a silent socket still misses it). One held
    // back by the call gate reads again every half ping interval (src/ocpp/call-gate.ts).
    deferPingsOnActivity: true,
    // Garbage from a broken charger is answered with CALLERRORs up to this count, then the socket is closed.
    maxBadMessages: 20,
    wssOptions: { maxPayload: options.maxMessageBytes, WebSocket: guardedWebSocket({ limit: options.messageLimit, gate: options.callGate }) },
  });
  // Kept beside the session, never in it: the session is spread into NOTIFY payloads and log lines.
  const credentials = new WeakMap<ChargerSession, LoginCredential>();
  const remember = (session: ChargerSession, credential: LoginCredential) => credentials.set(session, credential);
  server.auth(
    createAuthenticator({
      findCharger: store.findCharger,
      log,
      protocols: SUPPORTED_PROTOCOLS,
      remember,
      onRefused: refusals.note,
      onNextPassword: (chargerId, hash) => promoteNextPassword(db, chargerId, hash),
      onRaisedProfile: (chargerId, profile) => promoteNextSecurityProfile(db, chargerId, profile),
    }),
  );
  server.on('upgradeAborted', ({ identity, error }: { identity: string; error: unknown }) =>
    log.debug({ identity, err: error }, 'upgrade aborted'),
  );
  server.on('client', (client: ServerClient) => {
    const session = client.session as ChargerSession;
    const clientLog = log.child({ identity: client.identity, chargerId: session.chargerId });
    const table = HANDLERS_BY_PROTOCOL[client.protocol ?? ''];
    if (!table) {
      const offered = [...client.handshake.protocols].slice(0, 10);
      clientLog.warn({ offered }, 'no supported OCPP subprotocol offered, closed after the handshake');
      refusals.note({ chargerId: session.chargerId, accountId: session.accountId, reason: 'noCommonProtocol', remoteAddress: refusalAddress(client.handshake.remoteAddress), detail: refusalDetail(offered.join(', ')) });
      void client.close({ code: 1002, reason: 'No supported OCPP subprotocol' });
      return;
    }
    clientLog.info({ protocol: client.protocol, remoteAddress: client.handshake.remoteAddress }, 'charger connected');
    client.on('badMessage', ({ error, response }: { error: unknown; response: unknown }) => {
      if (client.protocol === 'ocpp1.6') applyOcpp16ErrorCode(response);
      clientLog.warn({ err: error }, 'bad message');
    });
    client.on('strictValidationFailure', ({ method, error, outbound, isCall }: { method: string; error: unknown; outbound: boolean; isCall: boolean }) => {
      if (!outbound && client.protocol === 'ocpp1.6') applyOcpp16ValidationCode(error);
      if (!outbound && client.protocol === 'ocpp2.0.1') applyOcpp201ValidationCode(error);
      if (!outbound && isCall) dropEchoedPayload(error);
      clientLog.warn({ action: method, err: error }, 'schema violation');
    });
    client.on('response', ({ payload, outbound }: { payload: unknown; outbound: boolean }) => {
      if (outbound && client.protocol === 'ocpp1.6') applyOcpp16CallErrorCode(payload);
    });
    client.on('socketError', (error: unknown) => {
      if (!(error instanceof FrameRefusedError)) return clientLog.warn({ err: error }, 'socket error');
      clientLog.warn({ code: error.closeCode, reason: error.message }, 'connection refused for what it sent');
      // Calls admitted before the refusal are still answered, then the socket closes with the refusal's code.
      void client.close({ code: error.closeCode, reason: error.message });
    });
    tapMessages(client, session.chargerId, messageLog);
    const timeHandler = timeMessages(client, new Set(Object.keys(table)), options.messageMetrics);
    client.once('close', ({ code, reason }: { code: number; reason: string }) => clientLog.info({ code, reason }, 'charger disconnected'));
    registerHandlers(client, table, { charger: session, identity: client.identity ?? '', db, store, log: clientLog, heartbeatIntervalSec: options.heartbeatIntervalSec, onBooted: options.onBooted, authority: options.authority, memory: createConnectionMemory() }, timeHandler, timedStore);
    connections.attach(client, session, credentials.get(session) ?? NO_CREDENTIAL);
  });
  return server;
}
