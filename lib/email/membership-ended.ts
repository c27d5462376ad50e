import { appUrl } from '@/lib/config';
import type { Locale } from '@/lib/i18n/locales';
import { emailTranslator } from '@/domain/email/messages';
import { renderEmail } from '@/domain/email/layout';

// To someone an owner removed from an account: what ended, what was stopped, and that their history stays.
export async function membershipEndedEmail(
  { name, locale }: { name: string; locale: Locale },
  { accountName, stoppedSessions }: { accountName: string; stoppedSessions: number },
) {
  const t = emailTranslator(locale);
  return renderEmail({
    subject: t('membershipEnded.subject', { accountName }),
    greeting: t('greeting', { name }),
    paragraphs: [t('membershipEnded.body', { accountName }), t('membershipEnded.sessions', { count: stoppedSessions }), t('membershipEnded.cards')],
    action: { label: t('membershipEnded.action'), url: `${appUrl()}/dashboard` },
    footer: t('membershipEnded.footer'),
  });
}
