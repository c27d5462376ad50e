import { useFormatter, useNow, useTranslations } from 'next-intl';
import type { LocalListState } from '@/domain/data/local-lists';

const KNOWN_RESULTS = ['Accepted', 'Failed', 'VersionMismatch', 'NotSupported', 'noAnswer', 'tooLarge'];
// Answers after which nothing is being sent until the next change, reconnect or sweep.
const STUCK_RESULTS = ['Failed', 'noAnswer', 'tooLarge'];

function behindKey(state: LocalListState) {
  if (!state.isOnline) return 'behindOffline';
  return state.lastResult && STUCK_RESULTS.includes(state.lastResult) ? 'notInSync' : 'behind';
}

// One charger's Local Authorization List as the platform last left it: version, in sync or not, and the last answer.
export function LocalListStatus({ state }: { state: LocalListState }) {
  const t = useTranslations('ChargerLocalList');
  const format = useFormatter();
  const now = useNow();
  if (state.support === 'notSupported') {
    return <p className="text-amber-800" data-testid="local-list-status" data-sync="notSupported">{t('notSupported', { note: state.supportNote ?? 'other' })}</p>;
  }
  if (state.lastSyncAt === null && state.acceptedVersion === null) {
    return <p className="text-slate-500" data-testid="local-list-status" data-sync="never">{t('neverSynced')}</p>;
  }
  const result = state.lastResult && KNOWN_RESULTS.includes(state.lastResult) ? state.lastResult : 'other';
  return (
    <div className="flex flex-col gap-1" data-testid="local-list-status" data-sync={state.isInSync ? 'inSync' : 'behind'}>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${state.isInSync ? 'bg-emerald-50 text-emerald-800 ring-emerald-200' : 'bg-amber-50 text-amber-800 ring-amber-200'}`}>
          {state.isInSync ? t('inSync') : t(behindKey(state))}
        </span>
        {state.acceptedVersion !== null && <span className="text-slate-600">{t('version', { version: state.acceptedVersion })}</span>}
      </p>
      {state.lastSyncAt && (
        <p className="text-slate-600">
          {t('lastSync', { when: format.relativeTime(state.lastSyncAt, now), result, updateType: state.lastUpdateType ?? 'none' })}
        </p>
      )}
      {state.lastResult === 'tooLarge' && state.maxLength !== null && (
        <p className="text-red-700" role="alert">{t('tooLarge', { needed: state.lastEntryCount ?? 0, max: state.maxLength })}</p>
      )}
    </div>
  );
}
