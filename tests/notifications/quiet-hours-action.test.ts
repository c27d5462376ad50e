import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { users } from '@/db/schema';
import { makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';

const browserCookies = new Map<string, string>();
vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (browserCookies.has(name) ? { name, value: browserCookies.get(name)! } : undefined) }),
  headers: async () => new Headers(),
}));

const { saveQuietHoursAction } = await import('@/app/(app)/profile/quiet-hours-actions');
const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const quietHoursOf = async (userId: string) =>
  (await db.select({ start: users.quietHoursStart, end: users.quietHoursEnd, zone: users.quietHoursZone }).from(users).where(eq(users.id, userId)))[0];

describe('saving quiet hours', () => {
  it('keeps them in the time zone the browser reports, and turns them off when both are empty', async () => {
    const user = await makeUser(db, { emailVerifiedAt: new Date() });
    signInAs(user);
    browserCookies.set('tz', 'Europe/Vilnius');
    expect(await saveQuietHoursAction({ status: 'idle' }, formData({ start: '22:30', end: '06:45' }))).toEqual({ status: 'ok', data: null });
    expect(await quietHoursOf(user.id)).toEqual({ start: '22:30:00', end: '06:45:00', zone: 'Europe/Vilnius' });

    await saveQuietHoursAction({ status: 'idle' }, formData({ start: '', end: '' }));
    expect(await quietHoursOf(user.id)).toEqual({ start: null, end: null, zone: null });
  });

  it('explains a missing, malformed or empty window next to its field, and keeps what was stored', async () => {
    const user = await makeUser(db, { emailVerifiedAt: new Date() });
    signInAs(user);
    await saveQuietHoursAction({ status: 'idle' }, formData({ start: '22:00', end: '07:00' }));

    const missing = await saveQuietHoursAction({ status: 'idle' }, formData({ start: '22:00', end: '' }));
    expect(missing).toMatchObject({ status: 'error', fieldErrors: { end: ['windowTimeInvalid'] }, values: { start: '22:00', end: '' } });
    expect(await saveQuietHoursAction({ status: 'idle' }, formData({ start: '25:00', end: '07:00' }))).toMatchObject({ fieldErrors: { start: ['windowTimeInvalid'] } });
    expect(await saveQuietHoursAction({ status: 'idle' }, formData({ start: '07:00', end: '07:00' }))).toMatchObject({ fieldErrors: { end: ['windowEmpty'] } });
    expect((await quietHoursOf(user.id))?.start).toBe('22:00:00');
  });

  it('falls back to UTC for a time zone the browser made up', async () => {
    const user = await makeUser(db, { emailVerifiedAt: new Date() });
    signInAs(user);
    browserCookies.set('tz', 'Mars/Olympus_Mons');
    await saveQuietHoursAction({ status: 'idle' }, formData({ start: '22:00', end: '07:00' }));
    expect((await quietHoursOf(user.id))?.zone).toBe('UTC');
  });
});
