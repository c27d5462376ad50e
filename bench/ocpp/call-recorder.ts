import { RPCError, type RpcClient } from '../../ocpp-server/src/ocpp/rpc';
import type { CallStats } from './worker-protocol';

const MAX_FIRST_ERRORS = 5;

export function emptyStats(): CallStats {
  return { latencies: {}, bySecond: {}, callErrors: {}, errors: {}, firstErrors: [] };
}

// Times every call a simulated charger makes, from send to answer, by wrapping its RPC client. A call counts in the
// phase it was sent in, however late its answer comes.
export function recordCalls(client: RpcClient, currentStats: () => CallStats) {
  const call = client.call.bind(client);
  const timed = async (method: string, ...rest: unknown[]) => {
    const stats = currentStats();
    const began = performance.now();
    const second = Math.floor(Date.now() / 1000);
    try {
      const result = await (call as (method: string, ...rest: unknown[]) => Promise<unknown>)(method, ...rest);
      const latency = performance.now() - began;
      (stats.latencies[method] ??= []).push(latency);
      (stats.bySecond[second] ??= []).push(latency);
      return result;
    } catch (error) {
      const bucket = error instanceof RPCError ? stats.callErrors : stats.errors;
      bucket[method] = (bucket[method] ?? 0) + 1;
      if (stats.firstErrors.length < MAX_FIRST_ERRORS) stats.firstErrors.push(`${method}: ${String(error)}`);
      throw error;
    }
  };
  Object.assign(client, { call: timed });
}
