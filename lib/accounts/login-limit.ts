import type { Executor } from '@/db/client';
import { getLoginFailureWindow } from '@/domain/data/login-failures';

export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perEmail: 5, perIp: 30 } as const;

export type LoginLimit = { isLimited: false } | { isLimited: true; retryAfterMinutes: number };

// `pending`: attempts already recorded for the request being checked (see attemptLogin).
export async function checkLoginLimit(db: Executor, { email, ip }: { email: string; ip: string }, { now = new Date(), pending = 0 } = {}): Promise<LoginLimit> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const [byEmail, byIp] = await Promise.all([
    getLoginFailureWindow(db, { by: 'email', value: email, since }),
    getLoginFailureWindow(db, { by: 'ip', value: ip, since }),
  ]);
  const blocking = [
    byEmail.failures - pending >= LOGIN_LIMITS.perEmail ? byEmail.oldest : null,
    // Logins whose client address is unknown count together under one (lib/auth/client-ip.ts).
    byIp.failures - pending >= LOGIN_LIMITS.perIp ? byIp.oldest : null,
  ].filter((oldest): oldest is Date => oldest !== null);
  if (blocking.length === 0) return { isLimited: false };
  const freedAt = Math.max(...blocking.map((oldest) => oldest.getTime() + LOGIN_LIMITS.windowMs));
  return { isLimited: true, retryAfterMinutes: Math.max(1, Math.ceil((freedAt - now.getTime()) / 60_000)) };
}
