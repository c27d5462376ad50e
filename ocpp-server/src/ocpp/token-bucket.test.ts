import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

function clock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

const takeAll = (bucket: TokenBucket, count: number) => Array.from({ length: count }, () => bucket.take()).filter(Boolean).length;

describe('token bucket', () => {
  it('admits a burst, then nothing until it refills', () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 5, perSecond: 2, now: time.now });
    expect(takeAll(bucket, 8)).toBe(5);
    time.advance(499);
    expect(bucket.take()).toBe(false);
    time.advance(1);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('admits the sustained rate indefinitely and never holds more than the burst', () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 3, perSecond: 10, now: time.now });
    for (let second = 0; second < 5; second++) {
      for (let tick = 0; tick < 10; tick++) {
        time.advance(100);
        expect(bucket.take()).toBe(true);
      }
    }
    time.advance(60_000);
    expect(takeAll(bucket, 10)).toBe(3);
  });

  it('tells how long until the next token, and charges past empty as a debt that delays what follows', () => {
    const time = clock();
    const bucket = new TokenBucket({ burst: 2, perSecond: 4, now: time.now });
    expect(bucket.msUntilToken()).toBe(0);
    expect(takeAll(bucket, 2)).toBe(2);
    expect(bucket.msUntilToken()).toBe(250);
    bucket.charge();
    bucket.charge();
    expect(bucket.owed()).toBe(2);
    expect(bucket.msUntilToken()).toBe(750);
    time.advance(500);
    expect(bucket.owed()).toBe(0);
    expect(bucket.take()).toBe(false);
    time.advance(250);
    expect(bucket.msUntilToken()).toBe(0);
    expect(bucket.take()).toBe(true);
  });
});
