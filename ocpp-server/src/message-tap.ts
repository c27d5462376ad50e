import type { MessageType } from '../../db/schema';
import type { ServerClient } from './ocpp/rpc';
import type { MessageLog } from './store/message-log';

type Frame = [number, string, ...unknown[]];

const RAW_LIMIT = 2000;
// Calls that never get an answer would otherwise pile up for the life of the socket.
const MAX_OPEN_CALLS = 1000;
const TYPES: Record<number, MessageType> = { 2: 'call', 3: 'result', 4: 'error' };
// Far deeper than any OCPP payload nests. JSON.stringify recurses: one frame nested 30,000 deep overflowed the
// stack when its message log batch was serialised, and the rows of every charger in that batch were lost.
const MAX_DEPTH = 32;

function nestedDeeperThan(text: string, limit: number) {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      if (++depth > limit) return true;
    } else if (char === ']' || char === '}') depth--;
  }
  return false;
}

function payloadOf(frame: Frame): unknown {
  if (frame[0] === 2) return frame[3] ?? null;
  if (frame[0] === 3) return frame[2] ?? null;
  return { errorCode: frame[2], errorDescription: frame[3], errorDetails: frame[4] };
}

// Keeps each charger's traffic in ocpp_messages for its page; answers are matched to their call's action.
export function tapMessages(client: ServerClient, chargerId: string, messageLog: MessageLog) {
  const actions = new Map<string, string>();
  client.on('message', ({ message, outbound }: { message: string; outbound: boolean }) => {
    const direction = outbound ? 'out' : 'in';
    let frame: Frame;
    try {
      frame = JSON.parse(message) as Frame;
      if (!Array.isArray(frame) || !TYPES[frame[0]]) throw new Error('not an OCPP-J frame');
      if (nestedDeeperThan(message, MAX_DEPTH)) throw new Error('nested too deeply to log');
    } catch {
      const payload = { raw: message.slice(0, RAW_LIMIT) };
      messageLog.record({ chargerId, direction, messageType: 'error', action: null, messageId: '-1', payload, createdAt: new Date() });
      return;
    }
    const messageId = String(frame[1]);
    let action: string | null = null;
    if (frame[0] === 2) {
      action = String(frame[2]);
      if (actions.size >= MAX_OPEN_CALLS) actions.clear();
      actions.set(messageId, action);
    } else {
      action = actions.get(messageId) ?? null;
      actions.delete(messageId);
    }
    messageLog.record({ chargerId, direction, messageType: TYPES[frame[0]]!, action, messageId, payload: payloadOf(frame), createdAt: new Date() });
  });
}
