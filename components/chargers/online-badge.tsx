import { useTranslations } from 'next-intl';

export function OnlineBadge({ isOnline }: { isOnline: boolean }) {
  const t = useTranslations('ChargersPage');
  return (
    <span
      data-testid="online-badge"
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold ${
        isOnline ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-200 text-slate-700'
      }`}
    >
      <span className={`size-2 rounded-full ${isOnline ? 'bg-emerald-500' : 'bg-slate-400'}`} aria-hidden />
      {isOnline ? t('online') : t('offline')}
    </span>
  );
}
