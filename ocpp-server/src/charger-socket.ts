import { createRPCError, RPCError } from './ocpp/rpc';
import type { ChargerSession, ServerClient } from './ocpp/rpc';
import type { ActionTable, HandlerContext } from './handlers/types';
import { ConnectionMemory } from './handlers/connection-memory';
import type { Logger } from './logger';
import type { MessageTimer } from './metrics/message-timer';
import { containsNul } from './ocpp/nul-strings';
import type { BatchedStore } from '../../domain/data/charger-traffic/batched';
import type { StatementTiming } from '../../domain/data/charger-traffic/statement-timing';

// What every socket's handlers share: all of a handler's context but the socket's own charger, log and memory.
export type SharedContext = Omit<HandlerContext, 'charger' | 'identity' | 'log' | 'memory'>;

// As ocpp-rpc hands a call to its handler.
type Call = { method?: string; params?: unknown; messageId?: string };

const sockets = new WeakMap<ServerClient, ChargerSocket>();

// One connected charger's calls. 19,000 sockets held 1.4 GB (issue 23), mostly closures made for each one: this
// keeps its state in fields and its code on the prototype, and one bound function answers all of its actions.
export class ChargerSocket {
  readonly identity: string;
  readonly memory = new ConnectionMemory();
  // A child logger costs about half a kilobyte: made once something is logged for this socket.
  #log: Logger | undefined;

  constructor(
    readonly client: ServerClient,
    readonly charger: ChargerSession,
    readonly table: ActionTable,
    readonly timer: MessageTimer,
    // timedStore: the store as a message's handler sees it, its writes counting their waits in that message's timing.
    readonly shared: SharedContext & { log: Logger; timedStore: (timing: StatementTiming) => BatchedStore },
  ) {
    this.identity = client.identity ?? '';
    sockets.set(client, this);
  }

  // For listeners shared by every socket, which ocpp-rpc calls with the client as `this`.
  static of(client: ServerClient) {
    return sockets.get(client)!;
  }

  get log(): Logger {
    return (this.#log ??= this.shared.log.child({ identity: this.client.identity, chargerId: this.charger.chargerId }));
  }

  // Registered for each action of the table only, so that ocpp-rpc answers any other with NotImplemented.
  listen() {
    const answer = this.answer.bind(this);
    for (const action of Object.keys(this.table)) this.client.handle(action, answer);
  }

  async answer({ method: action, params, messageId }: Call): Promise<Record<string, unknown>> {
    if (containsNul(params)) throw createRPCError('PropertyConstraintViolation', 'Strings must not contain U+0000');
    const handler = this.table[action ?? '']!;
    // Made only when something is logged: a child logger per message was a measurable share of the CPU under load.
    let callLog: Logger | undefined;
    const log = () => (callLog ??= this.log.child({ action, messageId }));
    const began = performance.now();
    try {
      const response = await this.timer.timeHandler(messageId, (timing) => {
        const ctx: HandlerContext = {
          ...this.shared,
          store: timing ? this.shared.timedStore(timing) : this.shared.store,
          charger: this.charger,
          identity: this.identity,
          memory: this.memory,
          get log() {
            return log();
          },
        };
        return handler(ctx, params as never);
      });
      // Per message at debug only: at info, hundreds of lines a second under load cost CPU; the aggregated
      // 'charger messages answered' line (metrics/message-summary.ts) keeps operators informed.
      if (this.shared.log.isLevelEnabled('debug')) log().debug({ ms: Math.round(performance.now() - began) }, 'handled');
      return response as Record<string, unknown>;
    } catch (error) {
      if (error instanceof RPCError) throw error;
      log().error({ err: error }, 'handler failed');
      // A charger resends a refused transaction message (1.6 §3.7, TransactionMessageAttempts); no detail leaks to it.
      throw createRPCError('InternalError', 'Internal error');
    }
  }
}
