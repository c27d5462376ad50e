export type TokenBucketOptions = { burst: number; perSecond: number; now?: () => number };

// Holds at most `burst` tokens and refills continuously at `perSecond`; each admitted message takes one.
export function createTokenBucket({ burst, perSecond, now = () => performance.now() }: TokenBucketOptions) {
  let tokens = burst;
  let refilledAt = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(burst, tokens + ((at - refilledAt) / 1000) * perSecond);
      refilledAt = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
