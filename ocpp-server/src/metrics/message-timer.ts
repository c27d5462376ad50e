import type { ServerClient } from '../ocpp/rpc';
import { withStatementTiming, type StatementTiming } from '../../../domain/data/charger-traffic/statement-timing';
import type { FinishedMessage } from './registry';

type Timed = StatementTiming & { action: string; readAt: number; handlerMs: number | null; handlerEndedAt: number; isError: boolean };
type Frame = [number, string, ...unknown[]];

// An action named by a charger becomes a metric label only when the server handles it: any other string would
// make a new series each.
const OTHER_ACTION = 'other';

// Times each charger call on one socket from ocpp-rpc's events: read ('call'), handled (the handler wrapper's
// run), answer ready ('response') and answer sent (the 'message' ocpp-rpc emits right after sending it).
export function timeMessages(client: ServerClient, handledActions: ReadonlySet<string>, sink: { inFlight: { inc(): void; dec(): void }; finished: (message: FinishedMessage) => void }) {
  const open = new Map<string, Timed>();
  let answering: Timed | null = null;

  client.on('call', ({ outbound, payload }: { outbound: boolean; payload: Frame }) => {
    if (outbound) return;
    const messageId = String(payload[1]);
    // A second call with an id still being handled is refused by ocpp-rpc; the first keeps its timing.
    if (open.has(messageId)) return;
    const action = handledActions.has(String(payload[2])) ? String(payload[2]) : OTHER_ACTION;
    open.set(messageId, { action, readAt: performance.now(), queuedMs: 0, handlerMs: null, handlerEndedAt: 0, isError: false });
    sink.inFlight.inc();
  });
  client.on('callError', ({ outbound, messageId }: { outbound: boolean; messageId: string }) => {
    const timed = open.get(messageId);
    if (!outbound && timed) timed.isError = true;
  });
  client.on('response', ({ outbound, payload }: { outbound: boolean; payload: Frame }) => {
    if (!outbound) return;
    const messageId = String(payload[1]);
    answering = open.get(messageId) ?? null;
    open.delete(messageId);
  });
  client.on('message', ({ outbound }: { outbound: boolean }) => {
    if (!outbound || !answering) return;
    const timed = answering;
    answering = null;
    sink.inFlight.dec();
    const sentAt = performance.now();
    const hasHandler = timed.handlerMs !== null;
    sink.finished({
      action: timed.action,
      totalMs: sentAt - timed.readAt,
      queuedMs: hasHandler ? timed.queuedMs : null,
      databaseMs: hasHandler ? Math.max(0, timed.handlerMs! - timed.queuedMs) : null,
      answerMs: hasHandler ? sentAt - timed.handlerEndedAt : null,
      isError: timed.isError,
    });
  });
  client.once('close', () => {
    // An answer that could not be sent (the socket closing under it) is no longer in flight either.
    const unanswered = open.size + (answering ? 1 : 0);
    for (let index = 0; index < unanswered; index++) sink.inFlight.dec();
    open.clear();
    answering = null;
  });

  return async function timeHandler<T>(messageId: string | undefined, handle: () => Promise<T>): Promise<T> {
    const timed = messageId === undefined ? undefined : open.get(messageId);
    if (!timed) return handle();
    const began = performance.now();
    try {
      return await withStatementTiming(timed, handle);
    } finally {
      timed.handlerEndedAt = performance.now();
      timed.handlerMs = timed.handlerEndedAt - began;
    }
  };
}

export type HandlerTimer = ReturnType<typeof timeMessages>;
