import { getTranslations } from 'next-intl/server';
import { PageNav } from '@/components/ui/page-nav';
import { SESSIONS_PAGE_SIZE } from '@/domain/data/session-sql';
import { filtersQuery, type SessionFilters } from '@/lib/sessions/filters';

export async function Pagination({ filters, total, hasNext }: { filters: SessionFilters; total: number; hasNext: boolean }) {
  const t = await getTranslations('SessionsPage');
  const pages = Math.max(1, Math.ceil(total / SESSIONS_PAGE_SIZE));
  if (pages === 1 && filters.page === 1) return null;
  const href = (page: number) => `/sessions${filtersQuery({ ...filters, page })}`;
  return (
    <PageNav
      label={t('pagination')}
      status={t('page', { page: filters.page, pages })}
      previous={filters.page > 1 ? { label: t('previous'), href: href(filters.page - 1) } : null}
      next={hasNext ? { label: t('next'), href: href(filters.page + 1) } : null}
    />
  );
}
