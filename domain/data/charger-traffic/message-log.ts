import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { ocppMessages, type MessageDirection, type MessageType } from '../../../db/schema';
import { recordset, valuesOf } from './recordset';

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
      await db.execute(sql`
        insert into ${ocppMessages} (charger_id, direction, message_type, action, message_id, payload, created_at)
        select * from ${recordset(rows, 'charger_id uuid, direction text, message_type text, action text, message_id text, payload jsonb, created_at timestamptz')}`);
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
      delete from ${ocppMessages} m using (
        select charger.id as charger_id, oldest_dropped.id
        from (${valuesOf(ids, 'uuid')}) as charger(id)
        cross join lateral (
          select id from ${ocppMessages} where charger_id = charger.id order by id desc offset ${keepPerCharger} limit 1
        ) as oldest_dropped
      ) old where m.charger_id = old.charger_id and m.id <= old.id`);
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
