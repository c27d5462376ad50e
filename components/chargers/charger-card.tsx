import Link from 'next/link';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import type { ChargerSummary } from '@/domain/data/chargers';
import { ConnectorList } from './connector-list';
import { OnlineBadge } from './online-badge';

export function ChargerCard({ charger }: { charger: ChargerSummary }) {
  const t = useTranslations('ChargersPage');
  const format = useFormatter();
  const now = useNow();
  const since = charger.isOnline ? charger.connectedAt : charger.disconnectedAt;
  return (
    <li className="flex flex-col rounded-2xl bg-white shadow-sm ring-1 ring-slate-200" data-testid="charger-card" data-identity={charger.identity}>
      <Link href={`/chargers/${charger.id}`} className="flex flex-col gap-1 rounded-t-2xl px-5 pb-3 pt-5 hover:bg-slate-50" aria-label={t('open', { name: charger.name })}>
        <span className="flex items-start justify-between gap-3">
          <span className="font-semibold text-slate-900">{charger.name}</span>
          <OnlineBadge isOnline={charger.isOnline} />
        </span>
        <span className="font-mono text-xs text-slate-500">{charger.identity}</span>
        <span className="text-xs text-slate-500">
          {since ? t(charger.isOnline ? 'connectedAgo' : 'disconnectedAgo', { date: format.relativeTime(since, now) }) : t('neverConnected')}
        </span>
      </Link>
      <div className="border-t border-slate-100 px-5 py-4">
        <ConnectorList connectors={charger.connectors} />
      </div>
      <p className="mt-auto border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
        {charger.lastSeenAt ? t('lastMessage', { time: format.relativeTime(charger.lastSeenAt, now) }) : t('noMessage')}
      </p>
    </li>
  );
}
