// The notice of a sign-in change is sent after the change is made: whatever goes wrong with it must not turn a done
// change into an error (a password change would then leave its user logged out with an error page).
import { describe, expect, it, vi } from 'vitest';

const send = vi.hoisted(() => ({ fail: new Error('unexpected') as Error }));
vi.mock('@/lib/email/send', async (original) => {
  const actual = await original<typeof import('@/lib/email/send')>();
  return { ...actual, sendEmail: async () => Promise.reject(send.fail) };
});
const { noticeSignInChange } = await import('@/lib/accounts/sign-in-notice');
const { EmailDeliveryError } = await import('@/lib/email/send');

const user = { email: 'notice@example.test', name: 'Noticed', locale: 'en' as const };

describe('the notice of a sign-in change', () => {
  it('that cannot be delivered is logged, not thrown', async () => {
    send.fail = new EmailDeliveryError('no e-mail service');
    await expect(noticeSignInChange(user, 'passwordChanged')).resolves.toBeUndefined();
  });

  it('that fails in any other way is logged, not thrown', async () => {
    send.fail = new Error('a template or network fault');
    await expect(noticeSignInChange(user, 'passkeyAdded')).resolves.toBeUndefined();
  });
});
