import { getTranslations } from 'next-intl/server';
import { PageNav } from '@/components/ui/page-nav';

export async function ChargerPagination({ page, pages, total }: { page: number; pages: number; total: number }) {
  const t = await getTranslations('ChargersPage');
  if (pages === 1) return null;
  const href = (to: number) => (to > 1 ? `/chargers?page=${to}` : '/chargers');
  return (
    <PageNav
      label={t('pagination')}
      status={t('page', { page, pages, total })}
      previous={page > 1 ? { label: t('previous'), href: href(page - 1) } : null}
      next={page < pages ? { label: t('next'), href: href(page + 1) } : null}
    />
  );
}
