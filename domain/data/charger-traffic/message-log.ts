import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import { ocppMessages, type MessageDirection, type MessageType } from '../../../db/schema';
import { columnList } from './columns';
import { recordsetOf, valuesOf } from './recordset';

export type LoggedMessage = {
  chargerId: string;
  direction: MessageDirection;
  messageType: MessageType;
  action: string | null;
  messageId: string;
  payload: unknown;
  createdAt: Date;
};

// Any pino-like logger: this module knows nothing of the OCPP server's.
type ErrorLog = { error: (fields: { err: unknown }, message: string) => void };

type MessageLogOptions = { db: Database; log: ErrorLog; keepPerCharger?: number; flushMs?: number; trimEveryMs?: number };

const MAX_BATCH = 500;

const MESSAGE_FIELDS = {
  charger_id: ocppMessages.chargerId,
  direction: ocppMessages.direction,
  message_type: ocppMessages.messageType,
  action: ocppMessages.action,
  message_id: ocppMessages.messageId,
  payload: ocppMessages.payload,
  created_at: ocppMessages.createdAt,
};
const messageRecords = recordsetOf(MESSAGE_FIELDS);
// The rows a trim deletes (`ocpp_messages as m`), apart from the ocpp_messages it reads each charger's newest from.
const trimmed = alias(ocppMessages, 'm');

// Buffered so that logging traffic costs one insert per batch rather than one per frame; the domain
// write of each message is separate and happens before the answer.
export function createMessageLog({ db, log, keepPerCharger = 300, flushMs = 200, trimEveryMs = 30_000 }: MessageLogOptions) {
  let buffer: LoggedMessage[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const touched = new Set<string>();

  // The whole batch as one parameter: building and typing 3,500 bound values per insert through the query
  // builder was a fifth of the server's CPU under load.
  async function write(batch: LoggedMessage[]) {
    for (let start = 0; start < batch.length; start += MAX_BATCH) {
      const rows = batch.slice(start, start + MAX_BATCH).map((message) => ({
        charger_id: message.chargerId,
        direction: message.direction,
        message_type: message.messageType,
        action: message.action,
        message_id: message.messageId,
        payload: message.payload,
        created_at: message.createdAt,
      }));
      await db.execute(sql`insert into ${ocppMessages} (${columnList(Object.values(MESSAGE_FIELDS))}) select * from ${messageRecords(rows)}`);
    }
  }

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = buffer;
    buffer = [];
    flushing = flushing.then(() => (batch.length ? write(batch) : undefined)).catch((error) => log.error({ err: error }, 'message log write failed'));
    return flushing;
  }

  // Per charger, the id of its oldest message to keep comes from one probe of (charger_id, id); a window over all
  // the messages of every charger that spoke took seconds at 19,000 chargers.
  async function trim() {
    const ids = [...touched];
    touched.clear();
    if (ids.length === 0) return;
    await db.execute(sql`
      delete from ${ocppMessages} as ${trimmed} using (
        select charger.id as charger_id, oldest_dropped.id
        from (${valuesOf(ids, ocppMessages.chargerId)}) as charger(id)
        cross join lateral (
          select ${ocppMessages.id} from ${ocppMessages} where ${ocppMessages.chargerId} = charger.id order by ${ocppMessages.id} desc offset ${keepPerCharger} limit 1
        ) as oldest_dropped(id)
      ) old where ${trimmed.chargerId} = old.charger_id and ${trimmed.id} <= old.id`);
  }

  const trimTimer = setInterval(() => void trim().catch((error) => log.error({ err: error }, 'message log trim failed')), trimEveryMs);
  trimTimer.unref();

  return {
    record(message: LoggedMessage) {
      buffer.push(message);
      touched.add(message.chargerId);
      if (buffer.length >= MAX_BATCH) void flush();
      else timer ??= setTimeout(() => void flush(), flushMs);
    },
    flush,
    trim,
    async close() {
      clearInterval(trimTimer);
      await flush();
    },
  };
}

export type MessageLog = ReturnType<typeof createMessageLog>;
