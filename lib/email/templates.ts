import { appUrl } from '@/lib/config';
import type { Locale } from '@/lib/i18n/locales';
import { emailTranslator, type EmailTranslator } from '@/domain/email/messages';
import type { MemberRole } from '@/db/schema';
import { renderEmail } from '@/domain/email/layout';

type Recipient = { name: string; locale: Locale };

export async function activationEmail({ name, locale }: Recipient, token: string) {
  const t = emailTranslator(locale);
  return renderEmail({
    subject: t('activation.subject'),
    greeting: t('greeting', { name }),
    paragraphs: [t('activation.body'), t('activation.expiry')],
    action: { label: t('activation.action'), url: `${appUrl()}/activate?token=${encodeURIComponent(token)}` },
    footer: t('activation.footer'),
  });
}

const resetUrl = (token: string) => `${appUrl()}/reset-password?token=${encodeURIComponent(token)}`;

export async function passwordResetEmail({ name, locale }: Recipient, token: string) {
  const t = emailTranslator(locale);
  return renderEmail({
    subject: t('reset.subject'),
    greeting: t('greeting', { name }),
    paragraphs: [t('reset.body'), t('reset.expiry')],
    action: { label: t('reset.action'), url: resetUrl(token) },
    footer: t('reset.footer'),
  });
}

// To the owner of an address someone tried to register again: the way back in, whoever it was.
export async function registrationAttemptEmail({ name, locale }: Recipient, token: string) {
  const t = emailTranslator(locale);
  return renderEmail({
    subject: t('registrationAttempt.subject'),
    greeting: t('greeting', { name }),
    paragraphs: [t('registrationAttempt.body'), t('registrationAttempt.choice'), t('reset.expiry')],
    action: { label: t('reset.action'), url: resetUrl(token) },
    links: [{ label: t('registrationAttempt.login'), url: `${appUrl()}/login` }],
    footer: t('registrationAttempt.footer'),
  });
}

// What the invitation grants. A guest's end is written in UTC, saying so: the platform knows no zone of the invitee's.
export type InvitedAs = { role: MemberRole; accessEndsAt: Date | null };

function roleParagraph(t: EmailTranslator, locale: Locale, { role, accessEndsAt }: InvitedAs) {
  const until = accessEndsAt
    ? new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(accessEndsAt)
    : '';
  return t('inviteRole', { role, until });
}

type InviteAbout = { inviterName: string; accountName: string; token: string; invitedAs: InvitedAs };

export async function inviteEmail({ name, locale }: Recipient, { inviterName, accountName, token, invitedAs }: InviteAbout) {
  const t = emailTranslator(locale);
  return renderEmail({
    subject: t('invite.subject', { inviterName }),
    greeting: t('greeting', { name }),
    paragraphs: [t('invite.body', { inviterName, accountName }), roleParagraph(t, locale, invitedAs), t('invite.expiry')],
    action: { label: t('invite.action'), url: `${appUrl()}/invites/accept?token=${encodeURIComponent(token)}` },
    footer: t('invite.footer'),
  });
}

// To an address with no account yet: the link opens registration with the address filled in, and joins at once.
export async function signUpInviteEmail(locale: Locale, { inviterName, accountName, token, invitedAs }: InviteAbout) {
  const t = emailTranslator(locale);
  return renderEmail({
    subject: t('invite.subject', { inviterName }),
    greeting: t('signUpInvite.greeting'),
    paragraphs: [t('signUpInvite.body', { inviterName, accountName }), roleParagraph(t, locale, invitedAs), t('signUpInvite.expiry')],
    action: { label: t('signUpInvite.action'), url: `${appUrl()}/register?invite=${encodeURIComponent(token)}` },
    footer: t('invite.footer'),
  });
}

export type SignInChange = 'passwordChanged' | 'authenticatorOn' | 'authenticatorOff' | 'recoveryCodesRenewed' | 'passkeyAdded' | 'passkeyRemoved';

// To a user whose way of signing in just changed: if it was not them, the way to take the account back.
export async function signInChangedEmail({ name, locale }: Recipient, change: SignInChange) {
  const t = emailTranslator(locale);
  return renderEmail({
    subject: t('signInChanged.subject'),
    greeting: t('greeting', { name }),
    paragraphs: [t(`signInChanged.${change}`), t('signInChanged.ifYou'), t('signInChanged.ifNotYou')],
    action: { label: t('signInChanged.action'), url: `${appUrl()}/forgot-password` },
    links: [{ label: t('signInChanged.security'), url: `${appUrl()}/profile/security` }],
    footer: t('signInChanged.footer'),
  });
}
