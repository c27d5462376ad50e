import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';
import { filtersQuery, SESSIONS_PAGE_SIZE, type SessionFilters } from '@/lib/sessions/filters';

export async function Pagination({ filters, total, hasNext }: { filters: SessionFilters; total: number; hasNext: boolean }) {
  const t = await getTranslations('SessionsPage');
  const pages = Math.max(1, Math.ceil(total / SESSIONS_PAGE_SIZE));
  if (pages === 1 && filters.page === 1) return null;
  const href = (page: number) => `/sessions${filtersQuery({ ...filters, page })}`;
  return (
    <nav aria-label={t('pagination')} className="flex items-center justify-between gap-3">
      {filters.page > 1 ? (
        <Link href={href(filters.page - 1)} className={buttonClasses('secondary')} rel="prev">
          ← {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600 tabular-nums">{t('page', { page: filters.page, pages })}</span>
      {hasNext ? (
        <Link href={href(filters.page + 1)} className={buttonClasses('secondary')} rel="next">
          {t('next')} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
