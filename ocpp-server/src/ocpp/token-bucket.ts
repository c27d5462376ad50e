export type TokenBucketOptions = { burst: number; perSecond: number; now?: () => number };

// Holds at most `burst` tokens and refills continuously at `perSecond`; each admitted message takes one.
export function createTokenBucket({ burst, perSecond, now = () => performance.now() }: TokenBucketOptions) {
  let tokens = burst;
  let refilledAt = now();
  const refill = () => {
    const at = now();
    tokens = Math.min(burst, tokens + ((at - refilledAt) / 1000) * perSecond);
    refilledAt = at;
  };
  return {
    take() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    // Takes a token even from an empty bucket, for what cannot be held back: the debt delays what follows.
    charge() {
      refill();
      tokens -= 1;
    },
    // Whole tokens the bucket is in debt.
    owed() {
      refill();
      return Math.max(0, Math.ceil(-tokens));
    },
    // How long until take() succeeds; 0 when it would now.
    msUntilToken() {
      refill();
      return tokens >= 1 ? 0 : ((1 - tokens) / perSecond) * 1000;
    },
  };
}
