import { createRequire } from 'node:module';
import type * as OcppRpc from 'ocpp-rpc';

// ocpp-rpc builds module.exports with object spread, which Node's ESM loader cannot list as named
// exports (vitest can, so only the real process would fail); require() sees them all.
const ocppRpc = createRequire(import.meta.url)('ocpp-rpc') as typeof OcppRpc;

export const { RPCServer, RPCClient, RPCError, TimeoutError, createRPCError } = ocppRpc;
// Its typings describe NOREPLY as an object; at runtime it is the symbol a handler returns to stay silent.
export const NOREPLY = ocppRpc.NOREPLY as unknown as symbol;

// ocpp-rpc's index does not export the server-side client type its 'client' event carries.
export type { default as ServerClient } from 'ocpp-rpc/lib/server-client';
export type RpcClient = OcppRpc.RPCClient;

export type ChargerSession = { chargerId: string; accountId: string };
