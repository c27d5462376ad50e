import type { MessageType } from '../../db/schema';
import { withoutPassword } from './ocpp/hidden-password';
import type { ServerClient } from './ocpp/rpc';
import type { MessageLog } from '../../domain/data/charger-traffic/message-log';

type Frame = [number, string, ...unknown[]];

const RAW_LIMIT = 2000;
// Calls that never get an answer would otherwise pile up for the life of the socket.
const MAX_OPEN_CALLS = 1000;
const TYPES: Record<number, MessageType> = { 2: 'call', 3: 'result', 4: 'error' };
// Far deeper than any OCPP payload nests. JSON.stringify recurses: one frame nested 30,000 deep overflowed the
// stack when it was serialised for the message log; and PostgreSQL's jsonb refuses deep nesting, which would lose
// the rows of every charger in that frame's batch.
const MAX_DEPTH = 32;

function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  for (const key in value) if (nestedDeeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  return false;
}

function payloadOf(frame: Frame): unknown {
  if (frame[0] === 2) return frame[3] ?? null;
  if (frame[0] === 3) return frame[2] ?? null;
  return { errorCode: frame[2], errorDescription: frame[3], errorDetails: frame[4] };
}

type Direction = 'in' | 'out';

// One socket's log: the action of each call still open, so that its answer is logged under it.
class MessageTap {
  // Made on the first call: an idle charger sends one only every heartbeat interval.
  #actions: Map<string, string> | undefined;
  // ocpp-rpc emits 'message' as it starts on each incoming frame; an answer to a call it no longer waits for (late,
  // after the call timed out) comes as 'response' and then again as 'badMessage', and is logged once.
  isIncomingLogged = false;

  constructor(
    readonly chargerId: string,
    readonly messageLog: MessageLog,
  ) {}

  record(direction: Direction, messageType: MessageType, action: string | null, messageId: string, payload: unknown) {
    this.messageLog.record({ chargerId: this.chargerId, direction, messageType, action, messageId, payload, createdAt: new Date() });
  }

  recordRaw(direction: Direction, raw: string) {
    this.record(direction, 'error', null, '-1', { raw: raw.slice(0, RAW_LIMIT) });
  }

  recordFrame(direction: Direction, frame: Frame) {
    if (nestedDeeperThan(frame, MAX_DEPTH)) return this.recordRaw(direction, '(nested too deeply to log)');
    const messageId = String(frame[1]);
    let action: string | null;
    if (frame[0] === 2) {
      action = String(frame[2]);
      const actions = (this.#actions ??= new Map());
      if (actions.size >= MAX_OPEN_CALLS) actions.clear();
      actions.set(messageId, action);
    } else {
      action = this.#actions?.get(messageId) ?? null;
      this.#actions?.delete(messageId);
    }
    this.record(direction, TYPES[frame[0]] ?? 'error', action, messageId, withoutPassword(action, payloadOf(frame)));
  }
}

// The listeners are shared by every socket (ocpp-rpc calls them with the socket as `this`); each finds its own tap.
const taps = new WeakMap<ServerClient, MessageTap>();

function onMessage(this: ServerClient, { outbound }: { outbound: boolean }) {
  if (!outbound) taps.get(this)!.isIncomingLogged = false;
}

function onFrame(this: ServerClient, { outbound, payload }: { outbound: boolean; payload: Frame }) {
  const tap = taps.get(this)!;
  if (!outbound) tap.isIncomingLogged = true;
  tap.recordFrame(outbound ? 'out' : 'in', payload);
}

function onBadMessage(this: ServerClient, { buffer, response }: { buffer: Buffer | string; response: Frame | null }) {
  const tap = taps.get(this)!;
  if (!tap.isIncomingLogged) tap.recordRaw('in', buffer.toString());
  if (response) tap.recordFrame('out', response);
}

// Keeps each charger's traffic in ocpp_messages for its page; answers are matched to their call's action. The
// frames come from ocpp-rpc already parsed ('call', 'response'): parsing every frame a second time here was a
// twentieth of the server's CPU under load. A frame it could not read comes as 'badMessage', kept raw, with the
// CALLERROR sent for it. Registered after the listeners that set OCPP 1.6 error codes on outgoing frames, so the
// log holds what was sent.
export function tapMessages(client: ServerClient, chargerId: string, messageLog: MessageLog) {
  taps.set(client, new MessageTap(chargerId, messageLog));
  client.on('message', onMessage);
  client.on('call', onFrame);
  client.on('response', onFrame);
  client.on('badMessage', onBadMessage);
}
