import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/button';
import type { SessionFilterOptions } from '@/domain/data/sessions';
import type { SessionFilters } from '@/lib/sessions/filters';
import { FilterFormShell } from './filter-form-shell';

const FIELD = 'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 sm:text-sm';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex min-w-0 flex-col gap-1.5 text-sm font-medium text-slate-700">
      {label}
      {children}
    </label>
  );
}

type Option = { id: string; name: string };

function Select({ name, value, options, all }: { name: string; value?: string; options: Option[]; all: string }) {
  return (
    <select name={name} defaultValue={value ?? ''} className={FIELD}>
      <option value="">{all}</option>
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.name}
        </option>
      ))}
    </select>
  );
}

// A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and shared.
export async function SessionFilterForm({ filters, options }: { filters: SessionFilters; options: SessionFilterOptions }) {
  const t = await getTranslations('SessionsPage');
  const chargers = options.chargers.map((charger) => ({ id: charger.id, name: charger.isDeleted ? t('removedCharger', { name: charger.name }) : charger.name }));
  const cards = options.cards.map((card) => {
    const label = card.label || card.idTag;
    return { id: card.id, name: card.isDeleted ? t('deletedCard', { label }) : label };
  });
  const activeCount = [filters.from, filters.to, filters.chargerId, filters.userId, filters.cardId].filter(Boolean).length;
  return (
    <FilterFormShell label={t('filtersTitle')} toggleLabel={t('filtersToggle', { count: activeCount })} isFiltered={activeCount > 0}>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
        <Field label={t('from')}>
          <input type="date" name="from" defaultValue={filters.from ?? ''} className={FIELD} />
        </Field>
        <Field label={t('to')}>
          <input type="date" name="to" defaultValue={filters.to ?? ''} className={FIELD} />
        </Field>
        <Field label={t('charger')}>
          <Select name="chargerId" value={filters.chargerId} options={chargers} all={t('all')} />
        </Field>
        <Field label={t('user')}>
          <Select name="userId" value={filters.userId} options={options.users} all={t('all')} />
        </Field>
        <Field label={t('card')}>
          <Select name="cardId" value={filters.cardId} options={cards} all={t('all')} />
        </Field>
      </div>
      <div className="mt-4 flex gap-2">
        <button type="submit" className={buttonClasses('primary')}>
          {t('apply')}
        </button>
        <Link href="/sessions" className={buttonClasses('ghost')}>
          {t('clear')}
        </Link>
      </div>
    </FilterFormShell>
  );
}
