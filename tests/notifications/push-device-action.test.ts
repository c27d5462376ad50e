import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import { makeUser } from '@/db/seed/builders';
import { signInAs } from '../support/fake-auth';
import { formData } from '../support/form';
import { makeBrowserSubscription } from '../support/push-service-stub';

vi.mock('@/lib/auth', () => import('../support/fake-auth'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
// The stand-in push service of these tests, beside the real ones browsers use.
vi.stubEnv('PUSH_SERVICE_HOSTS', 'push.example.test');

const { removePushDeviceAction, savePushDeviceAction } = await import('@/app/(app)/profile/push-actions');
const { db, sql } = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => sql.end());

const verifiedUser = () => makeUser(db, { emailVerifiedAt: new Date() });
const browserForm = () => {
  const { endpoint, p256dh, auth } = makeBrowserSubscription(`https://push.example.test/send/${crypto.randomUUID()}`);
  return { endpoint, p256dh, auth };
};
const subscriptionsOf = (userId: string) => db.select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));

describe('turning push on and off for a device', () => {
  it('keeps the browser\'s subscription for the signed-in user, and hands a shared browser to whoever turns it on last', async () => {
    const [first, second] = [await verifiedUser(), await verifiedUser()];
    const browser = browserForm();
    signInAs(first);
    expect(await savePushDeviceAction({ status: 'idle' }, formData(browser))).toEqual({ status: 'ok', data: null });
    expect(await subscriptionsOf(first.id)).toEqual([{ endpoint: browser.endpoint }]);

    signInAs(second);
    await savePushDeviceAction({ status: 'idle' }, formData(browser));
    expect(await subscriptionsOf(first.id)).toEqual([]);
    expect(await subscriptionsOf(second.id)).toEqual([{ endpoint: browser.endpoint }]);
  });

  it('refuses a subscription that is not a push service\'s https address with the browser\'s keys', async () => {
    const user = await verifiedUser();
    signInAs(user);
    const forgeries = [
      { ...browserForm(), endpoint: 'http://10.0.0.1/internal' },
      // https, but no push service: the dispatcher would POST into the platform's own network.
      { ...browserForm(), endpoint: 'https://10.0.0.1/internal' },
      { ...browserForm(), endpoint: 'https://fcm.googleapis.com.attacker.test/send/1' },
      { ...browserForm(), p256dh: 'short' },
      { ...browserForm(), auth: '' },
    ];
    for (const forged of forgeries) {
      expect(await savePushDeviceAction({ status: 'idle' }, formData(forged))).toEqual({ status: 'error', formError: 'pushDeviceRefused' });
    }
    expect(await subscriptionsOf(user.id)).toEqual([]);
  });

  it('turns off only the signed-in user\'s own device', async () => {
    const [owner, other] = [await verifiedUser(), await verifiedUser()];
    const browser = browserForm();
    signInAs(owner);
    await savePushDeviceAction({ status: 'idle' }, formData(browser));

    signInAs(other);
    await removePushDeviceAction({ status: 'idle' }, formData({ endpoint: browser.endpoint }));
    expect(await subscriptionsOf(owner.id)).toHaveLength(1);

    signInAs(owner);
    await removePushDeviceAction({ status: 'idle' }, formData({ endpoint: browser.endpoint }));
    expect(await subscriptionsOf(owner.id)).toEqual([]);
  });

  it('asks a signed-out browser to log in again', async () => {
    signInAs(null);
    expect(await savePushDeviceAction({ status: 'idle' }, formData(browserForm()))).toEqual({ status: 'error', formError: 'sessionExpired' });
  });
});
