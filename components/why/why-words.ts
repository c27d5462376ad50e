import type { useFormatter, useTranslations } from 'next-intl';
import { isProblem, type WhyEntry, type WhyNow } from '@/domain/charging/why-not-charging';

type T = ReturnType<typeof useTranslations<'WhyNotCharging'>>;
type Format = ReturnType<typeof useFormatter>;

// A sentence, and what to do about it when there is something to do.
export type Words = { sentence: string; advice: string | null };

export const when = (format: Format, at: Date) => format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short' });

export function entryWords(t: T, entry: WhyEntry): Words {
  const advice = (text: string) => (isProblem(entry) && text ? text : null);
  switch (entry.code) {
    case 'cardRefused': {
      const values = { refusal: entry.refusal, idTag: entry.idTag };
      return { sentence: t('event.cardRefused', values), advice: advice(t('eventAdvice.cardRefused', values)) };
    }
    case 'status': {
      const values = { status: entry.status, error: t('errorCode', { code: entry.errorCode ?? 'NoError' }) };
      return { sentence: t('event.status', values), advice: advice(t('eventAdvice.status', values)) };
    }
    case 'remoteStart':
      return { sentence: t('event.remoteStart', { outcome: entry.outcome }), advice: advice(t('eventAdvice.remoteStart', { outcome: entry.outcome })) };
    case 'wentOffline':
      return { sentence: t('event.wentOffline'), advice: null };
    case 'backOnline':
      return { sentence: t('event.backOnline'), advice: null };
  }
}

export function nowWords(t: T, format: Format, now: WhyNow): Words {
  switch (now.code) {
    case 'offline':
      return { sentence: now.since ? t('state.offline', { since: when(format, now.since) }) : t('state.offlineUnknown'), advice: t('stateAdvice.offline') };
    case 'neverConnected':
      return { sentence: t('state.neverConnected'), advice: t('stateAdvice.neverConnected') };
    case 'outOfOrder':
      return { sentence: t('state.outOfOrder', { status: now.status, error: t('errorCode', { code: now.errorCode }) }), advice: t('stateAdvice.outOfOrder', { status: now.status }) };
    case 'charging':
      return { sentence: t('state.charging'), advice: null };
    case 'carNotReady':
    case 'chargerPaused': {
      const status = now.code === 'carNotReady' ? 'SuspendedEV' : 'SuspendedEVSE';
      return { sentence: t('event.status', { status, error: '' }), advice: t('eventAdvice.status', { status }) };
    }
    case 'limitedBySchedule':
      return { sentence: t('state.limitedBySchedule', { resumes: now.resumesAt ? when(format, now.resumesAt) : 'none' }), advice: t('stateAdvice.limitedBySchedule') };
    case 'reserved': {
      const values = { isForViewer: String(now.isForViewer), name: now.holderName ?? t('someoneElse'), until: when(format, now.until) };
      return { sentence: t('state.reserved', values), advice: t('stateAdvice.reserved', values) };
    }
    case 'recent':
      return entryWords(t, now.entry);
    case 'ready':
      return { sentence: t('state.ready'), advice: t('stateAdvice.ready') };
  }
}
