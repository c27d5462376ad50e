import { NextResponse, type NextRequest } from 'next/server';
import { isHttpsDeployment } from '@/lib/config';
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from '@/lib/security-headers';

// A coarse, cookie-only redirect so a signed-out visitor never renders a private page.
// The real check is requireUser() in the (app) layout and in every action.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const PRIVATE_PATHS = ['/dashboard', '/onboarding', '/profile', '/chargers', '/cards', '/circuits', '/customers', '/invites', '/charge', '/sessions', '/payments', '/statements'];

function isPrivate(pathname: string) {
  return PRIVATE_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

function redirectToLogin(request: NextRequest) {
  const login = new URL('/login', request.url);
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

// Every page gets a Content-Security-Policy with a fresh nonce. Next.js finds the nonce in the
// request's copy of the policy and puts it on the scripts it renders; the browser gets the same
// policy on the response. The other security headers come from next.config.ts.
export function proxy(request: NextRequest) {
  const isHttps = isHttpsDeployment();
  const policy = contentSecurityPolicy({ nonce: createNonce(), isDev: process.env.NODE_ENV === 'development', isHttps });
  const isSignedOut = !SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (isSignedOut && isPrivate(request.nextUrl.pathname)) {
    response = redirectToLogin(request);
  } else {
    const headers = new Headers(request.headers);
    headers.set('Content-Security-Policy', policy);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', policy);
  if (isHttps) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

// Everything but the build's static files and the public folder's icons, which carry no script, and the routes that
// take or serve files (chargers' diagnostics uploads, firmware upload and downloads): Next.js copies a request body
// the proxy sees, and cuts it at 10 MB.
export const config = { matcher: ['/((?!_next/static|_next/image|icons/|favicon.ico|api/diagnostics/uploads/|api/firmware/|api/firmware$).*)'] };
