import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { ocppMessages, type MessageDirection, type MessageType } from '../../../db/schema';
import { columnList } from './columns';
import { fieldList, jsonbSafe, recordsetFrom, type RecordOf } from './recordset';
import { batchStatement } from './prepared';

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

type MessageLogOptions = { db: Database; log: ErrorLog; keepPerCharger?: number; flushMs?: number };

const MAX_BATCH = 500;
// Rows below a charger's bound beyond its batch's own that one batch deletes (see writeStatement).
const EXCESS_TRIMMED_PER_BATCH = 100;
// A charger's old rows are deleted once every this many of its messages (see writeStatement).
const trimEvery = (keepPerCharger: number) => Math.min(30, Math.max(1, Math.floor(keepPerCharger / 10)));

const MESSAGE_FIELDS = {
  charger_id: ocppMessages.chargerId,
  direction: ocppMessages.direction,
  message_type: ocppMessages.messageType,
  action: ocppMessages.action,
  message_id: ocppMessages.messageId,
  payload: ocppMessages.payload,
  created_at: ocppMessages.createdAt,
};
// `at`: the message's place in its batch, so each charger's messages are numbered in the order they came.
const MESSAGE_RECORD_FIELDS = { ...MESSAGE_FIELDS, at: ocppMessages.seq };
const messageRecords = recordsetFrom(MESSAGE_RECORD_FIELDS);

// Each charger's messages are numbered (seq) as they are written, and the statement that writes a batch also deletes
// the rows of its chargers that fell below their newest seq minus the bound: one probe of (charger_id, seq) for a
// charger's last number, and a delete of the index range below the bound. Trimming apart from the writes, by counting
// back through each charger's rows, let 200 busy chargers hold 210,210 rows against 60,000 kept; a charger's messages
// logged past its bound within one batch are not written at all.
// Only the batch that takes a charger's numbers past a multiple of `trimEvery` (a tenth of the bound, at most 30)
// deletes its old rows, so a charger holds from its bound to `trimEvery` - 1 more: probing each of a batch's 220 chargers for
// the one row it had to delete took 3.5 ms of the statement's 11.9.
// The delete walks each charger's rows below the bound in seq order from the index (the lateral subquery) and deletes
// them by ctid. Written as a join, PostgreSQL took the batch's chargers for the 100 rows it guesses of any function's
// result and hashed them against a scan of the whole log: 100 to 170 ms a batch at 1,000 chargers' 300,000 rows, the
// largest share of its CPU under load. The limit keeps the plan an ordered index scan, which steps over the index
// entries of rows deleted since the last vacuum (a bitmap scan visited each one's page again: 60 ms); a charger holds
// no more than its batch's own messages and `trimEvery` below the bound, and any older excess (a bound lowered) goes
// within a few batches.
function writeStatement(records: SQL, keepPerCharger: number) {
  const every = trimEvery(keepPerCharger);
  return sql`
    with input as (select * from ${messageRecords(records)}),
    last as (
      select batch.charger_id, batch.logged, coalesce((
        select ${ocppMessages.seq} from ${ocppMessages} where ${ocppMessages.chargerId} = batch.charger_id order by ${ocppMessages.seq} desc limit 1
      ), 0) as seq
      from (select charger_id, count(*) as logged from input group by charger_id) as batch
    ),
    trimmed as (
      select * from last where (last.seq + last.logged) / ${every}::int > last.seq / ${every}::int
    ),
    numbered as (
      select input.*, last.seq + row_number() over (partition by input.charger_id order by input.at) as seq, last.seq + last.logged as newest
      from input join last using (charger_id)
    ),
    written as (
      insert into ${ocppMessages} (${columnList([...Object.values(MESSAGE_FIELDS), ocppMessages.seq])})
      select ${fieldList(MESSAGE_FIELDS)}, seq from numbered where seq > newest - ${keepPerCharger}
    )
    delete from ${ocppMessages} where ctid = any(array(
      select old.ctid from trimmed cross join lateral (
        select ctid from ${ocppMessages} where ${ocppMessages.chargerId} = trimmed.charger_id and ${ocppMessages.seq} <= trimmed.seq + trimmed.logged - ${keepPerCharger}
        order by ${ocppMessages.seq} limit trimmed.logged + ${every + EXCESS_TRIMMED_PER_BATCH}
      ) as old
    ))`;
}

// A message as its row of the batch's recordset, without its place in the batch (`at`, added when the batch is
// written) and so without the closing brace. Made as the message is recorded, so that the log holds one string per
// message until its batch is written, not the parsed payload: kept for a flush or more, those payloads outlived a
// scavenge or two under load, and so made every scavenge copy them and promoted them into the old generation.
function rowOf(message: LoggedMessage) {
  const row = JSON.stringify({
    charger_id: message.chargerId,
    direction: message.direction,
    message_type: message.messageType,
    action: message.action,
    message_id: message.messageId,
    payload: message.payload,
    created_at: message.createdAt,
  } satisfies Omit<RecordOf<typeof MESSAGE_RECORD_FIELDS>, 'at'>);
  return jsonbSafe(row).slice(0, -1);
}

// Buffered so that logging traffic costs one statement per batch rather than one per frame; the domain write of each
// message is separate and happens before the answer.
export function createMessageLog({ db, log, keepPerCharger = 300, flushMs = 200 }: MessageLogOptions) {
  let buffer: string[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const writeBatch = batchStatement((records) => writeStatement(records, keepPerCharger));

  // The whole batch as one parameter: building and typing 3,500 bound values per insert through the query
  // builder was a fifth of the server's CPU under load. Batches are written one after another, so a charger's
  // numbers never collide within this process.
  async function write(batch: string[]) {
    for (let start = 0; start < batch.length; start += MAX_BATCH) {
      const rows = batch.slice(start, start + MAX_BATCH).map((row, at) => `${row},"at":${at}}`);
      await writeBatch(db, `[${rows.join(',')}]`);
    }
  }

  function flush() {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = buffer;
    buffer = [];
    flushing = flushing.then(() => (batch.length > 0 ? write(batch) : undefined)).catch((error) => log.error({ err: error }, 'message log write failed'));
    return flushing;
  }

  return {
    record(message: LoggedMessage) {
      try {
        buffer.push(rowOf(message));
      } catch (error) {
        // A payload JSON cannot hold (none parsed from a frame is): that one row is lost, not the batch.
        log.error({ err: error }, 'message not logged');
        return;
      }
      if (buffer.length >= MAX_BATCH) void flush();
      else timer ??= setTimeout(() => void flush(), flushMs);
    },
    flush,
    async close() {
      await flush();
    },
  };
}

export type MessageLog = ReturnType<typeof createMessageLog>;
