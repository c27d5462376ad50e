import type { ServerClient } from '../ocpp/rpc';
import type { StatementTiming } from '../../../domain/data/charger-traffic/statement-timing';
import type { FinishedMessage } from './registry';

// One record per call, read to answer, handed to the sink as it is: the only allocation the timing makes per call.
type Timed = StatementTiming & FinishedMessage & { readAt: number; handlerEndedAt: number };
type Frame = [number, string, ...unknown[]];

// An action named by a charger becomes a metric label only when the server handles it: any other string would
// make a new series each.
const OTHER_ACTION = 'other';

type Sink = { inFlight: { inc(): void; dec(): void }; finished: (message: FinishedMessage) => void };

// Times each charger call on one socket from ocpp-rpc's events: read ('call'), handled (the handler wrapper's
// run), answer ready ('response') and answer sent (the 'message' ocpp-rpc emits right after sending it).
export class MessageTimer {
  // Made on the first call: an idle charger sends one only every heartbeat interval.
  #open: Map<string, Timed> | undefined;
  #answering: Timed | null = null;

  constructor(
    readonly handledActions: ReadonlySet<string>,
    readonly sink: Sink,
  ) {}

  read(payload: Frame) {
    const messageId = String(payload[1]);
    const open = (this.#open ??= new Map());
    // A second call with an id still being handled is refused by ocpp-rpc; the first keeps its timing.
    if (open.has(messageId)) return;
    const action = this.handledActions.has(String(payload[2])) ? String(payload[2]) : OTHER_ACTION;
    open.set(messageId, { action, readAt: performance.now(), queuedMs: 0, isHandled: false, databaseMs: 0, handlerEndedAt: 0, answerMs: 0, totalMs: 0, isError: false });
    this.sink.inFlight.inc();
  }

  refused(messageId: string) {
    const timed = this.#open?.get(messageId);
    if (timed) timed.isError = true;
  }

  answered(payload: Frame) {
    const messageId = String(payload[1]);
    this.#answering = this.#open?.get(messageId) ?? null;
    this.#open?.delete(messageId);
  }

  sent() {
    const timed = this.#answering;
    if (!timed) return;
    this.#answering = null;
    this.sink.inFlight.dec();
    const sentAt = performance.now();
    timed.totalMs = sentAt - timed.readAt;
    if (timed.isHandled) timed.answerMs = sentAt - timed.handlerEndedAt;
    this.sink.finished(timed);
  }

  closed() {
    // An answer that could not be sent (the socket closing under it) is no longer in flight either.
    const unanswered = (this.#open?.size ?? 0) + (this.#answering ? 1 : 0);
    for (let index = 0; index < unanswered; index++) this.sink.inFlight.dec();
    this.#open?.clear();
    this.#answering = null;
  }

  // `handle` gets the message's timing, for the writes it sends to count their waits in (batched.ts: timed views).
  async timeHandler<T>(messageId: string | undefined, handle: (timing: StatementTiming | undefined) => Promise<T>): Promise<T> {
    const timed = messageId === undefined ? undefined : this.#open?.get(messageId);
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
  }
}

// The listeners are shared by every socket (ocpp-rpc calls them with the socket as `this`); each finds its own timer.
const timers = new WeakMap<ServerClient, MessageTimer>();

function onCall(this: ServerClient, { outbound, payload }: { outbound: boolean; payload: Frame }) {
  if (!outbound) timers.get(this)!.read(payload);
}

function onCallError(this: ServerClient, { outbound, messageId }: { outbound: boolean; messageId: string }) {
  if (!outbound) timers.get(this)!.refused(messageId);
}

function onResponse(this: ServerClient, { outbound, payload }: { outbound: boolean; payload: Frame }) {
  if (outbound) timers.get(this)!.answered(payload);
}

function onMessage(this: ServerClient, { outbound }: { outbound: boolean }) {
  if (outbound) timers.get(this)!.sent();
}

function onClose(this: ServerClient) {
  timers.get(this)!.closed();
}

export function timeMessages(client: ServerClient, handledActions: ReadonlySet<string>, sink: Sink) {
  const timer = new MessageTimer(handledActions, sink);
  timers.set(client, timer);
  client.on('call', onCall);
  client.on('callError', onCallError);
  client.on('response', onResponse);
  client.on('message', onMessage);
  // 'close' comes once; `on` spares the wrapper `once` would make for each socket.
  client.on('close', onClose);
  return timer;
}
