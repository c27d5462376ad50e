import type { ServerClient } from '../ocpp/rpc';
import type { StatementTiming } from '../../../domain/data/charger-traffic/statement-timing';
import type { FinishedMessage } from './registry';

// One record per call, read to answer, handed to the sink as it is: the only allocation the timing makes per call.
type Timed = StatementTiming & FinishedMessage & { readAt: number; handlerEndedAt: number };
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
    open.set(messageId, { action, readAt: performance.now(), queuedMs: 0, isHandled: false, databaseMs: 0, handlerEndedAt: 0, answerMs: 0, totalMs: 0, isError: false });
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
    timed.totalMs = sentAt - timed.readAt;
    if (timed.isHandled) timed.answerMs = sentAt - timed.handlerEndedAt;
    sink.finished(timed);
  });
  client.once('close', () => {
    // An answer that could not be sent (the socket closing under it) is no longer in flight either.
    const unanswered = open.size + (answering ? 1 : 0);
    for (let index = 0; index < unanswered; index++) sink.inFlight.dec();
    open.clear();
    answering = null;
  });

  // `handle` gets the message's timing, for the writes it sends to count their waits in (batched.ts: timed views).
  return async function timeHandler<T>(messageId: string | undefined, handle: (timing: StatementTiming | undefined) => Promise<T>): Promise<T> {
    const timed = messageId === undefined ? undefined : open.get(messageId);
    if (!timed) return handle(undefined);
    const began = performance.now();
    try {
      return await handle(timed);
    } finally {
      timed.handlerEndedAt = performance.now();
      // The group-commit waits were added to queuedMs while the handler ran (batcher.ts); the rest is the database's.
      timed.databaseMs = Math.max(0, timed.handlerEndedAt - began - timed.queuedMs);
      timed.isHandled = true;
    }
  };
}

export type HandlerTimer = ReturnType<typeof timeMessages>;
