import { createTranslator } from 'next-intl';
import { appUrl } from '@/lib/config';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { renderEmail } from './layout';

type Recipient = { name: string; locale: Locale };

async function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: 'Email' });
}

export async function activationEmail({ name, locale }: Recipient, token: string) {
  const t = await emailTranslator(locale);
  return renderEmail({
    subject: t('activation.subject'),
    greeting: t('greeting', { name }),
    paragraphs: [t('activation.body'), t('activation.expiry')],
    action: { label: t('activation.action'), url: `${appUrl()}/activate?token=${encodeURIComponent(token)}` },
    footer: t('activation.footer'),
  });
}

export async function passwordResetEmail({ name, locale }: Recipient, token: string) {
  const t = await emailTranslator(locale);
  return renderEmail({
    subject: t('reset.subject'),
    greeting: t('greeting', { name }),
    paragraphs: [t('reset.body'), t('reset.expiry')],
    action: { label: t('reset.action'), url: `${appUrl()}/reset-password?token=${encodeURIComponent(token)}` },
    footer: t('reset.footer'),
  });
}

export async function inviteEmail(
  { name, locale }: Recipient,
  { inviterName, accountName, token }: { inviterName: string; accountName: string; token: string },
) {
  const t = await emailTranslator(locale);
  return renderEmail({
    subject: t('invite.subject', { inviterName }),
    greeting: t('greeting', { name }),
    paragraphs: [t('invite.body', { inviterName, accountName }), t('invite.expiry')],
    action: { label: t('invite.action'), url: `${appUrl()}/invites/accept?token=${encodeURIComponent(token)}` },
    footer: t('invite.footer'),
  });
}
