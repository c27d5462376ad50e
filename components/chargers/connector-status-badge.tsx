import { useTranslations } from 'next-intl';

const STYLES: Record<string, { tone: string; icon: string }> = {
  Available: { tone: 'bg-emerald-50 text-emerald-800 ring-emerald-200', icon: 'M9 2v6M15 2v6M6 8h12v4a6 6 0 0 1-12 0zM12 18v4' },
  Preparing: { tone: 'bg-sky-50 text-sky-800 ring-sky-200', icon: 'M12 6v6l4 2M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z' },
  Charging: { tone: 'bg-blue-50 text-blue-800 ring-blue-200', icon: 'M13 2 4 14h6l-1 8 9-12h-6l1-8z' },
  SuspendedEV: { tone: 'bg-amber-50 text-amber-800 ring-amber-200', icon: 'M10 4v16M14 4v16' },
  SuspendedEVSE: { tone: 'bg-amber-50 text-amber-800 ring-amber-200', icon: 'M10 4v16M14 4v16' },
  Finishing: { tone: 'bg-indigo-50 text-indigo-800 ring-indigo-200', icon: 'M5 12l5 5L20 7' },
  Reserved: { tone: 'bg-violet-50 text-violet-800 ring-violet-200', icon: 'M6 3h12v18l-6-4-6 4z' },
  Unavailable: { tone: 'bg-slate-100 text-slate-700 ring-slate-300', icon: 'M5 5l14 14M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z' },
  Faulted: { tone: 'bg-red-50 text-red-800 ring-red-200', icon: 'M12 3 2 21h20zM12 10v4M12 17v.5' },
};
const UNKNOWN = { tone: 'bg-slate-100 text-slate-600 ring-slate-200', icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z' };

export function ConnectorStatusBadge({ status }: { status: string }) {
  const t = useTranslations('ConnectorStatus');
  const style = STYLES[status] ?? UNKNOWN;
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ${style.tone}`} data-status={status}>
      <svg viewBox="0 0 24 24" className={`size-3.5 ${status === 'Charging' ? 'animate-pulse' : ''}`} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
        <path d={style.icon} />
      </svg>
      {t('status', { status })}
    </span>
  );
}
