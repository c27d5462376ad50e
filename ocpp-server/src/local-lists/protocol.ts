import { RPCError } from '../ocpp/rpc';
import type { LocalListBatch, LocalListLimits } from '../../../domain/cards/local-list-plan';

// How one protocol asks a charger about its Local Authorization List and sends it updates; sync.ts decides what to
// ask and send, the same for every protocol.
export type LocalListProtocol = {
  // Whether the charger keeps a list and its limits; a note says why it does not. null: no answer.
  readSupport(): Promise<{ note: string | null; limits: LocalListLimits } | null>;
  // The version of the list it holds; null: it says it has no list. Throws what the call threw.
  readVersion(): Promise<number | null>;
  // The charger's answer to one batch sent as `version`, NotSupported/NotImplemented for a CALLERROR saying so, or
  // noAnswer.
  send(batch: LocalListBatch, version: number): Promise<string>;
};

// A NotImplemented or NotSupported CALLERROR says the charger does not implement the call; any other error, or none, is
// no answer (asked again at the next sync).
export function unsupportedBy(error: unknown) {
  return error instanceof RPCError && (error.rpcErrorCode === 'NotSupported' || error.rpcErrorCode === 'NotImplemented') ? error.rpcErrorCode : null;
}

export const positive = (value: string | undefined) => {
  const number = value === undefined ? Number.NaN : Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
};

export async function sendOrNote(send: () => Promise<{ status: string }>) {
  try {
    return (await send()).status;
  } catch (error) {
    return unsupportedBy(error) ?? 'noAnswer';
  }
}
