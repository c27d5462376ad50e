import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';
import { getSessionUser } from '@/lib/session';

const FEATURES = [
  { title: 'featureChargersTitle', body: 'featureChargersBody', icon: 'M13 2 4 14h6l-1 8 9-12h-6l1-8z' },
  { title: 'featureCardsTitle', body: 'featureCardsBody', icon: 'M3 6h18v12H3zM3 10h18' },
  { title: 'featureSharingTitle', body: 'featureSharingBody', icon: 'M16 11a4 4 0 1 0-8 0M4 20a8 6 0 0 1 16 0' },
] as const;

export default async function HomePage() {
  if (await getSessionUser()) redirect('/dashboard');
  const t = await getTranslations('HomePage');
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col justify-center px-4 py-12 sm:px-6">
      <div className="max-w-2xl">
        <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">{t('title')}</h1>
        <p className="mt-5 text-lg text-slate-600">{t('subtitle')}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/register" className={buttonClasses('primary', 'px-6 py-3 text-base')}>
            {t('register')}
          </Link>
          <Link href="/login" className={buttonClasses('secondary', 'px-6 py-3 text-base')}>
            {t('login')}
          </Link>
        </div>
      </div>
      <ul className="mt-16 grid gap-4 sm:grid-cols-3">
        {FEATURES.map((feature) => (
          <li key={feature.title} className="rounded-2xl bg-white/80 p-6 shadow-sm ring-1 ring-slate-200">
            <svg viewBox="0 0 24 24" className="size-8 rounded-lg bg-brand-100 p-1.5 text-brand-700" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" aria-hidden>
              <path d={feature.icon} />
            </svg>
            <h2 className="mt-4 font-semibold text-slate-900">{t(feature.title)}</h2>
            <p className="mt-1 text-sm text-slate-600">{t(feature.body)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
