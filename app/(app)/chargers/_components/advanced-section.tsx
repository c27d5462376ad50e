import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

// What an owner rarely needs (commands, configuration, firmware, diagnostics, the local list, security and the
// message log) folded under one heading below the charger's state, so the page opens on what matters day to day.
export async function AdvancedSection({ children }: { children: ReactNode }) {
  const t = await getTranslations('ChargerDetail');
  return (
    <details className="group rounded-2xl bg-white shadow-sm ring-1 ring-slate-200" data-testid="charger-advanced">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-2xl px-5 py-4 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden">
        <span>
          <span className="block font-semibold">{t('advancedTitle')}</span>
          <span className="block text-sm text-slate-600">{t('advancedBody')}</span>
        </span>
        <span aria-hidden className="text-slate-600 transition group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="grid gap-6 border-t border-slate-200 bg-slate-50 p-4 sm:p-5 lg:grid-cols-2">{children}</div>
    </details>
  );
}
