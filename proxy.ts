import { NextResponse, type NextRequest } from 'next/server';

// A coarse, cookie-only redirect so a signed-out visitor never renders a private page.
// The real check is requireUser() in the (app) layout and in every action.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL('/login', request.url);
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ['/dashboard/:path*', '/onboarding/:path*', '/profile/:path*', '/chargers/:path*', '/cards/:path*', '/customers/:path*', '/invites/:path*', '/charge/:path*', '/sessions/:path*'] };
