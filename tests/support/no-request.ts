import { vi } from 'vitest';

// Stands in for next/headers in action tests that need no request of their own: no cookies, no headers.
export async function cookies() {
  return { get: () => undefined, set: vi.fn(), delete: vi.fn() };
}

export async function headers() {
  return new Headers();
}
