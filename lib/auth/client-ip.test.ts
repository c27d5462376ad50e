import { describe, expect, it } from 'vitest';
import { clientIp, isLocalClient } from './client-ip';
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

describe('isLocalClient', () => {
  const from = (peer: string | null, forwardedFor?: string) =>
    new Headers({ ...(peer === null ? {} : { [PEER_ADDRESS_HEADER]: peer }), ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) });

  it('is a loopback peer, in any of its spellings, whatever X-Forwarded-For says', () => {
    for (const peer of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLocalClient(from(peer, '203.0.113.7'), 0), peer).toBe(true);
  });
  it('is no other peer, nor a request whose peer was not recorded, whatever X-Forwarded-For says', () => {
    for (const peer of ['192.0.2.2', '::ffff:192.0.2.2', 'fd00::2', 'localhost', 'unknown', '']) expect(isLocalClient(from(peer, '127.0.0.1'), 0), peer).toBe(false);
    expect(isLocalClient(from(null, '127.0.0.1'), 0)).toBe(false);
  });
  it('behind a proxy on this machine is the client that proxy names, not what the client put in front', () => {
    expect(isLocalClient(from('127.0.0.1', '127.0.0.1'), 1)).toBe(true);
    expect(isLocalClient(from('127.0.0.1', '127.0.0.1, 203.0.113.7'), 1)).toBe(false);
    expect(isLocalClient(from('127.0.0.1'), 1)).toBe(false);
    expect(isLocalClient(from('192.0.2.2', '127.0.0.1'), 1)).toBe(false);
  });
});
