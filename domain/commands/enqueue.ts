import type { Executor } from '../../db/client';
import { createCommand, getUnfinishedCommand, lockCommandTarget, type QueuedCommand } from '../data/commands';
import { failure, success, type Result } from '../data/result';
import type { CommandAction, CommandPayloads } from './actions';

export const DEFAULT_COMMAND_TTL_MS = 2 * 60_000;

export type EnqueueCommandInput<A extends CommandAction = CommandAction> = {
  accountId: string;
  chargerId: string;
  action: A;
  payload: CommandPayloads[A];
  requestedBy?: string | null;
  ttlMs?: number;
  // At most one unfinished command of this action per charger (and connector): a second request,
  // a double click say, joins the one already on its way instead of sending the charger another.
  isExclusive?: boolean;
};

// The same connector and card, the same transaction or reservation: what a repeated RemoteStart, RemoteStop or
// CancelReservation is about. Another card's start on the same connector is a different request and goes to the charger.
const TARGET_KEYS = ['connectorId', 'transactionId', 'idTag', 'reservationId'] as const;

async function findUnfinished(tx: Executor, input: EnqueueCommandInput) {
  const payload = input.payload as Partial<Record<(typeof TARGET_KEYS)[number], number | string>>;
  const payloadMatch = Object.fromEntries(TARGET_KEYS.flatMap((key) => (payload[key] === undefined ? [] : [[key, String(payload[key])]])));
  return getUnfinishedCommand(tx, { chargerId: input.chargerId, action: input.action, payloadMatch });
}

async function create(db: Executor, input: EnqueueCommandInput): Promise<Result<QueuedCommand & { isJoined: boolean }, 'notFound'>> {
  const { accountId, chargerId, action, payload } = input;
  const expiresAt = new Date(Date.now() + (input.ttlMs ?? DEFAULT_COMMAND_TTL_MS));
  const created = await createCommand(db, { accountId, chargerId, action, payload, requestedBy: input.requestedBy ?? null, expiresAt });
  return created ? success({ ...created, isJoined: false }) : failure('notFound');
}

// The caller has checked that the user is a member of accountId; the charger must belong to that account,
// otherwise nothing is queued (a foreign charger id reads as "not found"). isJoined: an exclusive request that joined
// the command already on its way, whose payload is the charger's, not this request's.
export async function enqueueCommand<A extends CommandAction>(db: Executor, input: EnqueueCommandInput<A>): Promise<Result<QueuedCommand & { isJoined: boolean }, 'notFound'>> {
  if (!input.isExclusive) return create(db, input);
  return db.transaction(async (tx) => {
    if (!(await lockCommandTarget(tx, input))) return failure('notFound');
    const existing = await findUnfinished(tx, input);
    if (existing) return success({ ...existing, isJoined: true });
    return create(tx, input);
  });
}
