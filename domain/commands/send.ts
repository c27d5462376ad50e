import type { Database } from '../../db/client';
import type { CommandStatus } from '../../db/schema';
import { getCommandOutcome } from '../data/commands';
import { failure, success, type Result } from '../data/result';
import { COMMAND_RESULT_CHANNEL, isFinalStatus, type CommandAction, type CommandResultEvent } from './actions';
import { enqueueCommand, type EnqueueCommandInput } from './enqueue';

export type CommandOutcome = {
  id: string;
  status: CommandStatus;
  response: Record<string, unknown> | null;
  error: string | null;
};

export const DEFAULT_SEND_WAIT_MS = 10_000;

async function readOutcome(db: Database, id: string, accountId: string): Promise<CommandOutcome> {
  const row = await getCommandOutcome(db, { id, accountId });
  if (!row) throw new Error(`command ${id} vanished`);
  return row;
}

// Enqueues and waits up to waitMs for a final status. A result still `pending`/`sent` is not a failure:
// the row stays the truth and the OCPP server finishes it later. `notFound` when the charger is not the account's.
export async function sendCommand<A extends CommandAction>(
  db: Database,
  input: EnqueueCommandInput<A>,
  // `enqueue` may write rows of its own in the command's transaction (they exist before the OCPP server sees it).
  { waitMs = DEFAULT_SEND_WAIT_MS, enqueue = enqueueCommand }: { waitMs?: number; enqueue?: typeof enqueueCommand<A> } = {},
): Promise<Result<CommandOutcome, 'notFound'>> {
  let commandId: string | null = null;
  let settle: () => void = () => {};
  const finished = new Promise<void>((resolve) => (settle = resolve));
  const early = new Set<string>();
  const onResult = (payload: string) => {
    const event = JSON.parse(payload) as CommandResultEvent;
    if (event.id === commandId) settle();
    else if (commandId === null) early.add(event.id);
  };
  // LISTEN before inserting, so that an answer faster than our insert round trip is not missed.
  const subscription = await db.$client.listen(COMMAND_RESULT_CHANNEL, onResult);
  const timer = setTimeout(settle, waitMs);
  try {
    const command = await enqueue(db, input);
    if (!command.ok) return failure(command.reason);
    commandId = command.value.id;
    if (early.has(commandId)) settle();
    const current = await readOutcome(db, commandId, input.accountId);
    if (isFinalStatus(current.status)) return success(current);
    await finished;
    return success(await readOutcome(db, commandId, input.accountId));
  } finally {
    clearTimeout(timer);
    await subscription.unlisten();
  }
}
