import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxy } from '@/proxy';

afterEach(() => {
  vi.unstubAllEnvs();
});

function policyOf(response: Response) {
  return response.headers.get('content-security-policy') ?? '';
}

describe('proxy.ts', () => {
  it('gives each page a fresh nonce, on the response and on the request Next.js renders from', () => {
    const first = proxy(new NextRequest('http://localhost:3000/login'));
    const second = proxy(new NextRequest('http://localhost:3000/login'));
    const nonce = /'nonce-([^']+)'/.exec(policyOf(first))?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(policyOf(second)).not.toContain(nonce);
    // NextResponse.next({ request: { headers } }) hands the overridden request headers on like this.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policyOf(first));
  });

  it('still sends a signed-out visitor of a private page to the login, with the policy', () => {
    const response = proxy(new NextRequest('http://localhost:3000/sessions/abc?x=1'));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('http://localhost:3000/login?callbackUrl=%2Fsessions%2Fabc%3Fx%3D1');
    expect(policyOf(response)).toContain("frame-ancestors 'none'");
    const signedIn = proxy(new NextRequest('http://localhost:3000/sessions', { headers: { cookie: 'authjs.session-token=x' } }));
    expect(signedIn.headers.get('location')).toBeNull();
    expect(proxy(new NextRequest('http://localhost:3000/sessionsx')).headers.get('location')).toBeNull();
  });

  it('allows eval only to the development server', () => {
    expect(policyOf(proxy(new NextRequest('http://localhost:3000/')))).not.toContain('unsafe-eval');
    vi.stubEnv('NODE_ENV', 'development');
    expect(policyOf(proxy(new NextRequest('http://localhost:3000/')))).toContain("'unsafe-eval'");
  });

  it('sends HSTS and upgrades insecure requests only when APP_URL is https', () => {
    vi.stubEnv('APP_URL', 'http://localhost:3000');
    const local = proxy(new NextRequest('http://localhost:3000/'));
    expect(local.headers.get('strict-transport-security')).toBeNull();
    expect(policyOf(local)).not.toContain('upgrade-insecure-requests');
    vi.stubEnv('APP_URL', 'https://chargewatch.example');
    const deployed = proxy(new NextRequest('http://10.0.0.5:3000/', { headers: { 'x-forwarded-proto': 'http' } }));
    expect(deployed.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(policyOf(deployed)).toContain('upgrade-insecure-requests');
  });
});
