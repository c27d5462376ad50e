import type { Locale } from '../../db/schema';
import type { ClaimedNotification } from '../data/notification-outbox';
import { appUrl } from '../email/config';
import { renderEmail, type EmailContent } from '../email/layout';
import { emailTranslator, errorCodeWords, type EmailTranslator } from '../email/messages';
import { kwhNumber, monthName, statementFormat } from '../statements/format';

type Payload = ClaimedNotification['payload'];
type Content = Omit<EmailContent, 'greeting' | 'footer' | 'action'> & { action: NonNullable<EmailContent['action']> };

function sessionFinished(t: EmailTranslator, locale: Locale, p: Payload): Content {
  const names = { chargerName: String(p.chargerName), accountName: String(p.accountName) };
  const energy = kwhNumber(locale, Number(p.energyWh ?? 0));
  const minutes = Math.max(0, Math.round((Date.parse(String(p.stoppedAt)) - Date.parse(String(p.startedAt))) / 60_000));
  const paragraphs = [t('sessionFinished.body', names), t('sessionFinished.energy', { energy }), t('sessionFinished.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })];
  if (p.cost !== null && p.currency) {
    const cost = new Intl.NumberFormat(locale, { style: 'currency', currency: String(p.currency) }).format(Number(p.cost));
    paragraphs.push(t('sessionFinished.cost', { cost }));
  }
  return { subject: t('sessionFinished.subject', names), paragraphs, action: { label: t('sessionFinished.action'), url: `${appUrl()}/sessions/${p.transactionId}` } };
}

function sessionStarted(t: EmailTranslator, p: Payload): Content {
  const values = { chargerName: String(p.chargerName), accountName: String(p.accountName), connectorId: String(p.connectorId) };
  return { subject: t('sessionStarted.subject', values), paragraphs: [t('sessionStarted.body', values)], action: { label: t('sessionStarted.action'), url: `${appUrl()}/sessions/${p.transactionId}` } };
}

function chargerOffline(t: EmailTranslator, p: Payload): Content {
  const names = { chargerName: String(p.chargerName), accountName: String(p.accountName) };
  const minutes = Math.max(0, Math.round((Date.parse(String(p.noticedAt)) - Date.parse(String(p.since))) / 60_000));
  return {
    subject: t('chargerOffline.subject', names),
    paragraphs: [t('chargerOffline.body', { ...names, minutes }), t('chargerOffline.hint')],
    action: { label: t('chargerOffline.action'), url: `${appUrl()}/chargers/${p.chargerId}` },
  };
}

function chargerBack(t: EmailTranslator, p: Payload): Content {
  const names = { chargerName: String(p.chargerName), accountName: String(p.accountName) };
  return { subject: t('chargerBack.subject', names), paragraphs: [t('chargerBack.body', names)], action: { label: t('chargerBack.action'), url: `${appUrl()}/chargers/${p.chargerId}` } };
}

function chargerFaulted(t: EmailTranslator, locale: Locale, p: Payload): Content {
  const names = { chargerName: String(p.chargerName), accountName: String(p.accountName) };
  const reason = errorCodeWords(locale, typeof p.errorCode === 'string' ? p.errorCode : null);
  return {
    subject: t('chargerFaulted.subject', names),
    // Connector 0 is the charger as a whole (OCPP 1.6 §4.9).
    paragraphs: [t('chargerFaulted.body', { ...names, connectorId: String(p.connectorId), reason }), t('chargerFaulted.hint', { connectorId: String(p.connectorId) })],
    action: { label: t('chargerFaulted.action'), url: `${appUrl()}/chargers/${p.chargerId}` },
  };
}

function memberChange(t: EmailTranslator, key: 'memberJoined' | 'memberLeft', p: Payload): Content {
  const values = { memberName: String(p.memberName), memberEmail: String(p.memberEmail), accountName: String(p.accountName) };
  return { subject: t(`${key}.subject`, values), paragraphs: [t(`${key}.body`, values)], action: { label: t(`${key}.action`), url: `${appUrl()}/customers` } };
}

function statementReady(t: EmailTranslator, locale: Locale, p: Payload): Content {
  const amount = p.currency ? statementFormat(locale, 'UTC').money(String(p.amount), String(p.currency)) : String(p.amount);
  const energy = kwhNumber(locale, Number(p.energyWh ?? 0));
  return {
    subject: t('statementReady.pushTitle', { month: monthName(locale, String(p.periodStart)), amount }),
    paragraphs: [
      t('statementReady.pushBody', { accountName: String(p.accountName), sessions: Number(p.sessions), energy }),
      // Charged to the member's saved card: said so, as in the e-mail, so that nobody transfers it as well.
      ...(p.byCard === true ? [t('statementReady.byCard', { amount })] : []),
    ],
    action: { label: t('statementReady.action'), url: `${appUrl()}${p.path}` },
  };
}

type Recipient = Pick<ClaimedNotification, 'kind' | 'payload' | 'name' | 'locale'>;

function notificationContent(t: EmailTranslator, { kind, payload, locale }: Recipient) {
  switch (kind) {
    case 'session-started':
      return sessionStarted(t, payload);
    case 'session-finished':
      return sessionFinished(t, locale, payload);
    case 'charger-faulted':
      return chargerFaulted(t, locale, payload);
    case 'charger-offline':
      return chargerOffline(t, payload);
    case 'charger-back':
      return chargerBack(t, payload);
    case 'member-joined':
    case 'member-left':
      return memberChange(t, kind === 'member-joined' ? 'memberJoined' : 'memberLeft', payload);
    case 'statement-ready':
      return statementReady(t, locale, payload);
  }
}

// The e-mail of a notification, in the recipient's language; the payload holds the facts as they were at the event.
export function renderNotification(notification: Recipient) {
  const t = emailTranslator(notification.locale);
  return renderEmail({ ...notificationContent(t, notification), greeting: t('greeting', { name: notification.name }), footer: t('notificationFooter') });
}

export type PushMessage = { title: string; body: string; path: string };

// The same facts as a push: the subject as its title, the paragraphs as its lines, the e-mail's link as the page a
// tap opens (a path and its query, so the service worker opens it on the app's own origin).
export function renderPushMessage(notification: Recipient): PushMessage {
  const { subject, paragraphs, action } = notificationContent(emailTranslator(notification.locale), notification);
  const url = new URL(action.url);
  return { title: subject, body: paragraphs.join('\n'), path: `${url.pathname}${url.search}` };
}
