// Runs once in each Next.js server process before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { recordPeerAddress } = await import('@/lib/auth/peer-address');
    recordPeerAddress();
  }
}
