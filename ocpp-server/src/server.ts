import { RPCServer } from './ocpp/rpc';
import type { Database } from '../../db/client';
import { createAuthenticator } from './auth';
import { NO_CREDENTIAL, type Connections } from './connections';
import { HANDLERS_BY_PROTOCOL, SUPPORTED_PROTOCOLS } from './handlers';
import { ChargerSocket } from './charger-socket';
import type { Logger } from './logger';
import type { RefusalRecorder } from './refusal-recorder';
import type { AuthorityProvider } from './platform-ca';
import { refusalAddress, refusalDetail } from '../../domain/chargers/connection-refusals';
import { tapMessages } from './message-tap';
import { applyOcpp16CallErrorCode, applyOcpp16ErrorCode, applyOcpp16ValidationCode, dropEchoedPayload } from './ocpp/frame-errors';
import { FrameRefusedError, guardedWebSocket, type MessageLimit } from './ocpp/guarded-socket';
import type { CallGate } from './ocpp/call-gate';
import { applyOcpp201ValidationCode } from './ocpp/frame-errors-201';
import type { ChargerSession, ServerClient } from './ocpp/rpc';
import { createTimedViews, type BatchedStore } from '../../domain/data/charger-traffic/batched';
import type { MessageLog } from '../../domain/data/charger-traffic/message-log';
import { promoteNextPassword } from '../../domain/data/charger-traffic/next-password';
import { promoteNextSecurityProfile } from '../../domain/data/charger-traffic/next-security-profile';
import type { LoginCredential } from '../../domain/data/charger-traffic/chargers';
import type { FinishedMessage } from './metrics/registry';
import { timeMessages } from './metrics/message-timer';

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

// Each protocol's actions, as metric labels: one set per protocol, not one per socket.
const HANDLED_ACTIONS: Record<string, ReadonlySet<string>> = Object.fromEntries(Object.entries(HANDLERS_BY_PROTOCOL).map(([protocol, table]) => [protocol, new Set(Object.keys(table))]));

// Every socket's listeners are these same functions: ocpp-rpc calls them with the socket's client as `this`.
function onBadMessage(this: ServerClient, { error, response }: { error: unknown; response: unknown }) {
  if (this.protocol === 'ocpp1.6') applyOcpp16ErrorCode(response);
  ChargerSocket.of(this).log.warn({ err: error }, 'bad message');
}

function onStrictValidationFailure(this: ServerClient, { method, error, outbound, isCall }: { method: string; error: unknown; outbound: boolean; isCall: boolean }) {
  if (!outbound && this.protocol === 'ocpp1.6') applyOcpp16ValidationCode(error);
  if (!outbound && this.protocol === 'ocpp2.0.1') applyOcpp201ValidationCode(error);
  if (!outbound && isCall) dropEchoedPayload(error);
  ChargerSocket.of(this).log.warn({ action: method, err: error }, 'schema violation');
}

function onResponse(this: ServerClient, { payload, outbound }: { payload: unknown; outbound: boolean }) {
  if (outbound && this.protocol === 'ocpp1.6') applyOcpp16CallErrorCode(payload);
}

function onSocketError(this: ServerClient, error: unknown) {
  const log = ChargerSocket.of(this).log;
  if (!(error instanceof FrameRefusedError)) return log.warn({ err: error }, 'socket error');
  log.warn({ code: error.closeCode, reason: error.message }, 'connection refused for what it sent');
  // Calls admitted before the refusal are still answered, then the socket closes with the refusal's code.
  void this.close({ code: error.closeCode, reason: error.message });
}

// 'close' comes once; `on` spares the wrapper `once` would make for each socket.
function onClose(this: ServerClient, { code, reason }: { code: number; reason: string }) {
  ChargerSocket.of(this).log.info({ code, reason }, 'charger disconnected');
}

export function createRpcServer(options: RpcServerOptions) {
  const { db, store, log, connections, messageLog, refusals } = options;
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
  const shared = { db, store, timedStore: createTimedViews(store), log, heartbeatIntervalSec: options.heartbeatIntervalSec, onBooted: options.onBooted, authority: options.authority };
  server.on('client', (client: ServerClient) => {
    const session = client.session as ChargerSession;
    const table = HANDLERS_BY_PROTOCOL[client.protocol ?? ''];
    if (!table) {
      const clientLog = log.child({ identity: client.identity, chargerId: session.chargerId });
      const offered = [...client.handshake.protocols].slice(0, 10);
      clientLog.warn({ offered }, 'no supported OCPP subprotocol offered, closed after the handshake');
      refusals.note({ chargerId: session.chargerId, accountId: session.accountId, reason: 'noCommonProtocol', remoteAddress: refusalAddress(client.handshake.remoteAddress), detail: refusalDetail(offered.join(', ')) });
      void client.close({ code: 1002, reason: 'No supported OCPP subprotocol' });
      return;
    }
    // The socket's child logger is made once something is logged for it alone: these fields are its bindings.
    log.info({ identity: client.identity, chargerId: session.chargerId, protocol: client.protocol, remoteAddress: client.handshake.remoteAddress }, 'charger connected');
    client.on('badMessage', onBadMessage);
    client.on('strictValidationFailure', onStrictValidationFailure);
    client.on('response', onResponse);
    client.on('socketError', onSocketError);
    tapMessages(client, session.chargerId, messageLog);
    const timer = timeMessages(client, HANDLED_ACTIONS[client.protocol!]!, options.messageMetrics);
    client.on('close', onClose);
    new ChargerSocket(client, session, table, timer, shared).listen();
    connections.attach(client, session, credentials.get(session) ?? NO_CREDENTIAL);
  });
  return server;
}
