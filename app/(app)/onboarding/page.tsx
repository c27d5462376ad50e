import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireManagingMembership } from '@/lib/authz';
import { ocppPublicUrl } from '@/lib/config';
import { requireUser } from '@/lib/session';
import { AddChargerForm } from '../chargers/_components/add-charger-form';

const STEPS = [
  { title: 'stepIdentityTitle', body: 'stepIdentityBody' },
  { title: 'stepUrlTitle', body: 'stepUrlBody' },
  { title: 'stepPasswordTitle', body: 'stepPasswordBody' },
] as const;

export async function generateMetadata() {
  return { title: (await getTranslations('OnboardingPage'))('title') };
}

export default async function OnboardingPage() {
  const [user, member] = await Promise.all([requireUser(), requireManagingMembership()]);
  const t = await getTranslations('OnboardingPage');
  const url = `${ocppPublicUrl()}/ocpp/`;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <p className="mt-3 text-slate-600">{t('intro', { name: user.name })}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <AddChargerForm accountId={member.accountId} />
        </Card>
        <Card className="self-start bg-slate-50 lg:col-span-2">
          <ol className="flex flex-col gap-6">
            {STEPS.map((step, index) => (
              <li key={step.title} className="flex gap-4">
                <span className="grid size-8 shrink-0 place-items-center rounded-full bg-brand-600 text-sm font-bold text-white">{index + 1}</span>
                <div>
                  <h2 className="font-semibold text-slate-900">{t(step.title)}</h2>
                  <p className="mt-1 text-sm text-slate-600">
                    {t.rich(step.body, { url, code: (chunks) => <code className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-800">{chunks}</code> })}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      <Link href="/dashboard" className={buttonClasses('secondary', 'self-start')}>
        {t('continue')}
      </Link>
    </div>
  );
}
