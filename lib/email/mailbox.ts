import 'server-only';
import { headers } from 'next/headers';
import { isLocalClient } from '@/lib/auth/client-ip';
import { isMailboxEnabled } from '@/lib/config';

// The local mailbox holds every e-mail with its links, password resets included, and `npm start` listens on every
// interface: it opens only to a request from this machine, judged by the connection's peer
// (lib/auth/peer-address.ts), never by a header the client writes. Anyone else gets the 404 of a page that is not there.
export async function canOpenMailbox(): Promise<boolean> {
  return isMailboxEnabled() && isLocalClient(await headers());
}
