// Password hashing runs at the production cost (domain/crypto/password.ts: scrypt with 32 MiB, ~50 ms on an idle
// core), and on a busy 2-core machine a hash has taken over half a second. A test that hashes many times gets a
// timeout that grows with its hashes, at 2 s each on top of the usual 20 s: only a hang runs into it, never a slow
// machine.
export function timeoutForHashes(hashes: number) {
  return 20_000 + hashes * 2_000;
}
