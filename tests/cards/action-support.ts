import type { Session } from 'next-auth';
import type { Mock } from 'vitest';
import { auth } from '@/lib/auth';
import { sessionOf, type SignedIn } from '../support/fake-auth';

// Stands for next-auth's cookie session: the test says who is logged in, the rest of the stack reads the database.
export function signInAs(user: SignedIn) {
  const mocked = auth as unknown as Mock<() => Promise<Session | null>>;
  mocked.mockImplementation(sessionOf(user));
}

// What the mocked next/navigation redirect() throws, as the real one throws to end the action.
export class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

export function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
