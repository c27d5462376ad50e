import type { getFormatter, getTranslations } from 'next-intl/server';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;
type Translator = Awaited<ReturnType<typeof getTranslations<'SessionFacts'>>>;

export type SessionLike = {
  chargerName: string;
  connectorId: number;
  userName: string | null;
  cardLabel: string | null;
  isCardDeleted: boolean;
  idTag: string;
  startedAt: Date;
  stoppedAt: Date | null;
  energyWh: number | null;
  cost: string | null;
  currency: string | null;
  stopReason: string | null;
};

export function formatKwh(format: Formatter, t: Translator, energyWh: number | null) {
  return energyWh === null ? t('none') : t('kwh', { kwh: format.number(energyWh / 1000, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });
}

export function formatMoney(format: Formatter, amount: string | number, currency: string) {
  return format.number(Number(amount), { style: 'currency', currency });
}

function cardName(t: Translator, session: SessionLike) {
  if (session.cardLabel === null) return t('unknownTag', { idTag: session.idTag });
  const label = session.cardLabel || session.idTag;
  return session.isCardDeleted ? t('cardDeleted', { label }) : label;
}

// The end of a session that stopped the day it started needs only its time.
function endTime(format: Formatter, startedAt: Date, stoppedAt: Date) {
  const isSameDay = format.dateTime(startedAt, { dateStyle: 'short' }) === format.dateTime(stoppedAt, { dateStyle: 'short' });
  return format.dateTime(stoppedAt, isSameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' });
}

// Every cell of a session as the reader sees it, shared by the table, the phone cards and the session page.
export function sessionView(session: SessionLike, { t, format, now }: { t: Translator; format: Formatter; now: Date }) {
  const end = session.stoppedAt ?? now;
  const minutes = Math.max(0, Math.round((end.getTime() - session.startedAt.getTime()) / 60_000));
  return {
    charger: t('chargerConnector', { charger: session.chargerName, connector: session.connectorId }),
    chargerName: session.chargerName,
    connector: t('connector', { connector: session.connectorId }),
    user: session.userName ?? t('none'),
    card: cardName(t, session),
    started: format.dateTime(session.startedAt, { dateStyle: 'medium', timeStyle: 'short' }),
    ended: session.stoppedAt ? endTime(format, session.startedAt, session.stoppedAt) : t('running'),
    duration: t('duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 }),
    energy: formatKwh(format, t, session.energyWh),
    cost: session.cost !== null && session.currency ? formatMoney(format, session.cost, session.currency) : session.stoppedAt ? t('noCost') : t('none'),
    stopReason: session.stoppedAt ? t('stopReason', { reason: session.stopReason ?? 'Other' }) : t('none'),
    isRunning: session.stoppedAt === null,
  };
}
export type SessionView = ReturnType<typeof sessionView>;
