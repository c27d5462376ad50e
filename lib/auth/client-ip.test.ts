import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const forwarded = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('clientIp', () => {
  it('ignores what a client puts in front of X-Forwarded-For', () => {
    expect(clientIp(forwarded('6.6.6.6, 203.0.113.7'), 0)).toBe('203.0.113.7');
  });
  it('skips the trusted proxies at the end of the list', () => {
    expect(clientIp(forwarded('6.6.6.6, 203.0.113.7, 10.0.0.2'), 1)).toBe('203.0.113.7');
  });
  it('says unknown when there is nothing to go by', () => {
    expect(clientIp(new Headers(), 0)).toBe('unknown');
  });
});
