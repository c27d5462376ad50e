'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';
import { setLocaleAction } from '@/app/actions/locale';
import { isLocale, LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';

export function LanguageSwitcher({ isCompact = false }: { isCompact?: boolean }) {
  const t = useTranslations('LanguageSwitcher');
  const locale = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const id = useId();

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className={isCompact ? 'sr-only' : 'text-sm font-medium text-slate-700'}>
        {t('label')}
      </label>
      <select
        id={id}
        value={locale}
        disabled={isPending}
        data-testid="language-switcher"
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          startTransition(async () => {
            await setLocaleAction(next);
            router.refresh();
          });
        }}
        className="rounded-lg border border-slate-300 bg-white py-1.5 pl-2 pr-8 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
