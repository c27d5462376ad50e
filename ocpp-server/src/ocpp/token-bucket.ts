export type TokenBucketOptions = { burst: number; perSecond: number; now?: () => number };

const performanceNow = () => performance.now();

// Holds at most `burst` tokens and refills continuously at `perSecond`; each admitted message takes one. One per
// socket when a message limit is set: a class, so that its methods are shared rather than made for every socket.
export class TokenBucket {
  readonly #burst: number;
  readonly #perSecond: number;
  readonly #now: () => number;
  #tokens: number;
  #refilledAt: number;

  constructor({ burst, perSecond, now = performanceNow }: TokenBucketOptions) {
    this.#burst = burst;
    this.#perSecond = perSecond;
    this.#now = now;
    this.#tokens = burst;
    this.#refilledAt = now();
  }

  take() {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  // Takes a token even from an empty bucket, for what cannot be held back: the debt delays what follows.
  charge() {
    this.#refill();
    this.#tokens -= 1;
  }

  // Whole tokens the bucket is in debt.
  owed() {
    this.#refill();
    return Math.max(0, Math.ceil(-this.#tokens));
  }

  // How long until take() succeeds; 0 when it would now.
  msUntilToken() {
    this.#refill();
    return this.#tokens >= 1 ? 0 : ((1 - this.#tokens) / this.#perSecond) * 1000;
  }

  #refill() {
    const at = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((at - this.#refilledAt) / 1000) * this.#perSecond);
    this.#refilledAt = at;
  }
}
