// Stands in for next/headers in tests that serve real requests (tests/support/app-server.ts): as in Next.js, code
// running for a request sees that request's headers. Outside a request it sees none, and no cookies.
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<Headers>();

export function withRequestHeaders<T>(requestHeaders: Headers, run: () => Promise<T>): Promise<T> {
  return current.run(requestHeaders, run);
}

export async function headers(): Promise<Headers> {
  return current.getStore() ?? new Headers();
}

export async function cookies() {
  return { get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} };
}
