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
// stack when its message log batch was serialised, and the rows of every charger in that batch were lost.
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

// Keeps each charger's traffic in ocpp_messages for its page; answers are matched to their call's action. The
// frames come from ocpp-rpc already parsed ('call', 'response'): parsing every frame a second time here was a
// twentieth of the server's CPU under load. A frame it could not read comes as 'badMessage', kept raw, with the
// CALLERROR sent for it. Registered after the listeners that set OCPP 1.6 error codes on outgoing frames, so the
// log holds what was sent.
export function tapMessages(client: ServerClient, chargerId: string, messageLog: MessageLog) {
  const actions = new Map<string, string>();
  const record = (direction: 'in' | 'out', messageType: MessageType, action: string | null, messageId: string, payload: unknown) =>
    messageLog.record({ chargerId, direction, messageType, action, messageId, payload, createdAt: new Date() });
  const recordRaw = (direction: 'in' | 'out', raw: string) => record(direction, 'error', null, '-1', { raw: raw.slice(0, RAW_LIMIT) });

  function recordFrame(direction: 'in' | 'out', frame: Frame) {
    if (nestedDeeperThan(frame, MAX_DEPTH)) return recordRaw(direction, '(nested too deeply to log)');
    const messageId = String(frame[1]);
    let action: string | null;
    if (frame[0] === 2) {
      action = String(frame[2]);
      if (actions.size >= MAX_OPEN_CALLS) actions.clear();
      actions.set(messageId, action);
    } else {
      action = actions.get(messageId) ?? null;
      actions.delete(messageId);
    }
    record(direction, TYPES[frame[0]] ?? 'error', action, messageId, withoutPassword(action, payloadOf(frame)));
  }

  // ocpp-rpc emits 'message' as it starts on each incoming frame; an answer to a call it no longer waits for (late,
  // after the call timed out) comes as 'response' and then again as 'badMessage', and is logged once.
  let isIncomingLogged = false;
  client.on('message', ({ outbound }: { outbound: boolean }) => {
    if (!outbound) isIncomingLogged = false;
  });
  const onFrame = ({ outbound, payload }: { outbound: boolean; payload: Frame }) => {
    if (!outbound) isIncomingLogged = true;
    recordFrame(outbound ? 'out' : 'in', payload);
  };
  client.on('call', onFrame);
  client.on('response', onFrame);
  client.on('badMessage', ({ buffer, response }: { buffer: Buffer | string; response: Frame | null }) => {
    if (!isIncomingLogged) recordRaw('in', buffer.toString());
    if (response) recordFrame('out', response);
  });
}
