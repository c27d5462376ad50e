import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';
import { PEER_ADDRESS_HEADER } from './peer-address';

const request = (forwardedFor: string | null, peer = '10.0.0.2') =>
  new Headers({ [PEER_ADDRESS_HEADER]: peer, ...(forwardedFor === null ? {} : { 'x-forwarded-for': forwardedFor }) });

describe('clientIp', () => {
  it('without a proxy is the connection peer, whatever X-Forwarded-For says', () => {
    expect(clientIp(request('6.6.6.6', '203.0.113.7'), 0)).toBe('203.0.113.7');
    expect(clientIp(request(null, '203.0.113.7'), 0)).toBe('203.0.113.7');
  });
  it('behind one proxy is the address it appended, not what the client put in front', () => {
    expect(clientIp(request('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
  });
  it('behind two proxies skips the address the inner one appended', () => {
    expect(clientIp(request('6.6.6.6, 203.0.113.7, 10.0.0.1'), 2)).toBe('203.0.113.7');
  });
  it('says unknown when there is nothing to go by', () => {
    expect(clientIp(new Headers(), 0)).toBe('unknown');
    expect(clientIp(request(null), 1)).toBe('unknown');
  });
});
