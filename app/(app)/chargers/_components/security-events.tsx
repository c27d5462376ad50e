import { useFormatter, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { isCriticalSecurityEvent, isKnownSecurityEventType } from '@/domain/chargers/security-events';
import type { listRecentSecurityEvents } from '@/domain/data/charger-activity';

type SecurityEvent = Awaited<ReturnType<typeof listRecentSecurityEvents>>[number];

function EventName({ type }: { type: string }) {
  const t = useTranslations('ChargerSecurityEvents');
  if (!isKnownSecurityEventType(type)) return <span className="font-mono text-xs font-medium break-all">{type}</span>;
  return (
    <>
      <span className="font-medium">{t(`types.${type}`)}</span>
      {isCriticalSecurityEvent(type) && <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800 ring-1 ring-amber-200">{t('critical')}</span>}
    </>
  );
}

export function SecurityEvents({ events }: { events: SecurityEvent[] }) {
  const t = useTranslations('ChargerSecurityEvents');
  const format = useFormatter();
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('body')}</p>
      {events.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t('none')}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="security-events">
          {events.map((event) => (
            <li key={event.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <EventName type={event.type} />
              <time className="ml-auto text-xs tabular-nums text-slate-500" dateTime={event.occurredAt.toISOString()}>
                {format.dateTime(event.occurredAt, { dateStyle: 'short', timeStyle: 'medium' })}
              </time>
              {event.techInfo && <p className="w-full text-xs break-all text-slate-600">{event.techInfo}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
