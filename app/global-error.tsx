'use client';

import './globals.css';
import { useEffect } from 'react';
import { buttonClasses } from '@/components/ui/button';
import type { Locale } from '@/lib/i18n/locales';

// Shown in place of the root layout when the layout itself fails. A failure that deep may leave the
// page without working scripts (no CSP nonce, say), so it needs none: plain links only. Neither the
// user's language nor the message catalogs are at hand here (importing them would put all five into
// every page's scripts), so it says its few words in each language.
const TEXTS: Record<Locale, { title: string; body: string; reload: string; dashboard: string }> = {
  en: { title: 'Something went wrong', body: 'This page could not be shown.', reload: 'Reload the page', dashboard: 'Go to the dashboard' },
  lt: { title: 'Kažkas nepavyko', body: 'Šio puslapio nepavyko parodyti.', reload: 'Įkelti puslapį iš naujo', dashboard: 'Eiti į valdymo skydelį' },
  de: { title: 'Etwas ist schiefgelaufen', body: 'Diese Seite konnte nicht angezeigt werden.', reload: 'Seite neu laden', dashboard: 'Zur Übersicht' },
  fr: { title: 'Une erreur est survenue', body: 'Cette page n’a pas pu être affichée.', reload: 'Recharger la page', dashboard: 'Aller au tableau de bord' },
  es: { title: 'Algo ha salido mal', body: 'No se ha podido mostrar esta página.', reload: 'Volver a cargar la página', dashboard: 'Ir al panel' },
};

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  useEffect(() => console.error(error), [error]);
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50">
        <main className="mx-auto w-full max-w-md px-4 py-8 sm:py-16">
          <div className="rounded-2xl bg-white p-6 shadow-lg shadow-slate-200/60 ring-1 ring-slate-200 sm:p-8">
            <h1 className="text-sm font-semibold text-brand-700">Chargewatch</h1>
            {Object.entries(TEXTS).map(([locale, text]) => (
              <section key={locale} lang={locale} className="mt-5 border-t border-slate-100 pt-5 first-of-type:border-t-0 first-of-type:pt-0">
                <h2 className="text-lg font-bold tracking-tight text-slate-900">{text.title}</h2>
                <p className="mt-1 text-sm text-slate-600">{text.body}</p>
                <div className="mt-3 flex flex-wrap gap-2">
                  {/* An empty link is this very page: the browser loads it again. */}
                  <a href="" className={buttonClasses('primary', 'py-2')}>
                    {text.reload}
                  </a>
                  <a href="/dashboard" className={buttonClasses('secondary', 'py-2')}>
                    {text.dashboard}
                  </a>
                </div>
              </section>
            ))}
          </div>
        </main>
      </body>
    </html>
  );
}
