import { useTranslations } from 'next-intl';
import { LocalListStatus } from '@/components/chargers/local-list-status';
import { Card } from '@/components/ui/card';
import type { LocalListState } from '@/domain/data/local-lists';

export function LocalListPanel({ state }: { state: LocalListState }) {
  const t = useTranslations('ChargerLocalList');
  return (
    <Card>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('body')}</p>
      <div className="mt-3 text-sm">
        <LocalListStatus state={state} />
      </div>
      {state.maxLength !== null && state.support !== 'notSupported' && <p className="mt-2 text-xs text-slate-500">{t('capacity', { max: state.maxLength })}</p>}
    </Card>
  );
}
