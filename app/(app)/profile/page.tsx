import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/layout/language-switcher';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { getSecondFactors, hasSecondFactor } from '@/domain/data/two-factor';
import { db } from '@/lib/db';
import { SubmitButton } from '@/components/ui/submit-button';
import { logOutEverywhereAction } from '@/app/actions/logout';
import { requireUser } from '@/lib/session';
import { NameForm, PasswordForm } from './profile-forms';
import { NotificationSettings } from './_components/notification-settings';

export async function generateMetadata() {
  return { title: (await getTranslations('ProfilePage'))('title') };
}

export default async function ProfilePage() {
  const user = await requireUser();
  const [t, format, factors] = await Promise.all([getTranslations('ProfilePage'), getFormatter(), getSecondFactors(db(), { userId: user.id })]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
      <Card>
        <h2 className="font-semibold">{t('detailsTitle')}</h2>
        <dl className="mt-4 grid gap-1 text-sm">
          <dt className="font-medium text-slate-700">{t('email')}</dt>
          <dd className="text-slate-900">{user.email}</dd>
          <dd className="text-slate-500">{t('emailNote')}</dd>
          <dd className="mt-2 text-slate-500">{t('memberSince', { date: format.dateTime(user.createdAt, { dateStyle: 'long' }) })}</dd>
        </dl>
        <div className="mt-6">
          <NameForm name={user.name} />
        </div>
      </Card>
      <Card>
        <h2 className="font-semibold">{t('languageTitle')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('languageBody')}</p>
        <div className="mt-4">
          <LanguageSwitcher />
        </div>
      </Card>
      <NotificationSettings userId={user.id} />
      <Card>
        <h2 className="font-semibold">{t('passwordTitle')}</h2>
        <div className="mt-4">
          <PasswordForm />
        </div>
      </Card>
      <Card>
        <div className="flex items-baseline justify-between gap-3">
          <h2 className="font-semibold">{t('securityTitle')}</h2>
          <span className={`text-sm font-medium ${hasSecondFactor(factors) ? 'text-brand-700' : 'text-slate-500'}`}>{hasSecondFactor(factors) ? t('twoFactorOn') : t('twoFactorOff')}</span>
        </div>
        <p className="mt-1 text-sm text-slate-600">{t('securityBody')}</p>
        <Link href="/profile/security" className={buttonClasses('secondary', 'mt-4')}>
          {t('manageSecurity')}
        </Link>
      </Card>
      <Card>
        <h2 className="font-semibold">{t('devicesTitle')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('devicesBody')}</p>
        <form action={logOutEverywhereAction} className="mt-4">
          <SubmitButton label={t('logOutEverywhere')} variant="secondary" />
        </form>
      </Card>
    </div>
  );
}
