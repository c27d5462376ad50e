import { useFormatter, useNow, useTranslations } from 'next-intl';
import { OnlineBadge } from '@/components/chargers/online-badge';
import { Card } from '@/components/ui/card';
import type { listLocalListSyncs } from '@/domain/data/local-lists';
import { SyncForm } from './sync-form';

type ChargerSync = Awaited<ReturnType<typeof listLocalListSyncs>>[number];

const TONES: Record<string, string> = { accepted: 'text-emerald-700', pending: 'text-sky-700', sent: 'text-sky-700' };

export function SyncPanel({ accountId, syncs }: { accountId: string; syncs: ChargerSync[] }) {
  const t = useTranslations('CardSync');
  const format = useFormatter();
  const now = useNow();
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">{t('body')}</p>
      {syncs.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{t('noChargers')}</p>
      ) : (
        <>
          <ul className="mt-4 divide-y divide-slate-100 rounded-xl ring-1 ring-slate-200" data-testid="sync-chargers">
            {syncs.map((sync) => (
              <li key={sync.chargerId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm">
                <span className="flex items-center gap-2 font-medium text-slate-900">
                  {sync.chargerName}
                  <OnlineBadge isOnline={sync.isOnline} />
                </span>
                {sync.status ? (
                  <span className={TONES[sync.status] ?? 'text-red-700'}>
                    {t('chargerStatus', { status: sync.status })}
                    {sync.status === 'rejected' && sync.error && <span> ({t('chargerAnswer', { answer: sync.error })})</span>}
                    {sync.listVersion !== null && <span className="text-slate-500"> · {t('version', { version: sync.listVersion })}</span>}
                    {sync.at && <span className="text-slate-500"> · {format.relativeTime(sync.at, now)}</span>}
                  </span>
                ) : (
                  <span className="text-slate-500">{t('neverSynced')}</span>
                )}
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <SyncForm accountId={accountId} />
          </div>
        </>
      )}
    </Card>
  );
}
