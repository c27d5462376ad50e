import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket';

function clock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

const takeAll = (bucket: ReturnType<typeof createTokenBucket>, count: number) => Array.from({ length: count }, () => bucket.take()).filter(Boolean).length;

describe('token bucket', () => {
  it('admits a burst, then nothing until it refills', () => {
    const time = clock();
    const bucket = createTokenBucket({ burst: 5, perSecond: 2, now: time.now });
    expect(takeAll(bucket, 8)).toBe(5);
    time.advance(499);
    expect(bucket.take()).toBe(false);
    time.advance(1);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('admits the sustained rate indefinitely and never holds more than the burst', () => {
    const time = clock();
    const bucket = createTokenBucket({ burst: 3, perSecond: 10, now: time.now });
    for (let second = 0; second < 5; second++) {
      for (let tick = 0; tick < 10; tick++) {
        time.advance(100);
        expect(bucket.take()).toBe(true);
      }
    }
    time.advance(60_000);
    expect(takeAll(bucket, 10)).toBe(3);
  });
});
