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
//
// Trimmed two ways: a charger that logged half its bound again since its last trim is trimmed right after the
// batch that wrote those rows, so a busy charger stays within 1.5 times the bound (plus what one batch adds);
// every trimEveryMs, every other charger that spoke. Only the periodic trim, at 2 rows per message for 30 s,
// let 200 busy chargers hold 210,210 rows against 60,000 kept.
export function createMessageLog({ db, log, keepPerCharger = 300, flushMs = 200, trimEveryMs = 30_000 }: MessageLogOptions) {
  let buffer: LoggedMessage[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  // Rows logged per charger since its last trim.
  const sinceTrim = new Map<string, number>();
  const trimAfter = Math.max(1, Math.ceil(keepPerCharger / 2));

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

  // Per charger, the id of its oldest message to keep comes from one probe of (charger_id, id); a window over all
  // the messages of every charger that spoke took seconds at 19,000 chargers.
  async function trimChargers(ids: string[]) {
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

  function takeChargers(isDue: (count: number) => boolean) {
    const ids = [...sinceTrim].filter(([, count]) => isDue(count)).map(([id]) => id);
    for (const id of ids) sinceTrim.delete(id);
    return ids;
  }

  async function writeThenTrimBusy(batch: LoggedMessage[]) {
    if (batch.length === 0) return;
    await write(batch);
    // Counted once written: rows still waiting for their insert would be forgotten by a trim that runs first.
    for (const message of batch) sinceTrim.set(message.chargerId, (sinceTrim.get(message.chargerId) ?? 0) + 1);
    await trimChargers(takeChargers((count) => count >= trimAfter));
  }

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = buffer;
    buffer = [];
    flushing = flushing.then(() => writeThenTrimBusy(batch)).catch((error) => log.error({ err: error }, 'message log write or trim failed'));
    return flushing;
  }

  const trim = () => trimChargers(takeChargers(() => true));

  const trimTimer = setInterval(() => void trim().catch((error) => log.error({ err: error }, 'message log trim failed')), trimEveryMs);
  trimTimer.unref();

  return {
    record(message: LoggedMessage) {
      buffer.push(message);
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
