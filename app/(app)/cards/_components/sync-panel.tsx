import { useTranslations } from 'next-intl';
import { LocalListStatus } from '@/components/chargers/local-list-status';
import { OnlineBadge } from '@/components/chargers/online-badge';
import { Card } from '@/components/ui/card';
import type { LocalListState } from '@/domain/data/local-lists';
import { SyncForm } from './sync-form';

export function SyncPanel({ accountId, syncs }: { accountId: string; syncs: LocalListState[] }) {
  const t = useTranslations('CardSync');
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
                <LocalListStatus state={sync} />
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
