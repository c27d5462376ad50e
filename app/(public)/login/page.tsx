import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { PasskeyButton } from '@/components/auth/passkey-button';
import { Alert } from '@/components/ui/alert';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { getSessionUser } from '@/lib/session';
import { passkeyLoginAction, passkeyLoginOptionsAction } from './actions';
import { LoginForm } from './login-form';

const NOTICES = { activated: 'activated', reset: 'passwordReset', 'logged-out': 'loggedOut', 'logged-out-everywhere': 'loggedOutEverywhere' } as const;

export async function generateMetadata() {
  return { title: (await getTranslations('LoginPage'))('title') };
}

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : null) ?? undefined;
  if (await getSessionUser()) redirect(callbackUrl ?? '/dashboard');

  const t = await getTranslations('LoginPage');
  const notice = typeof params.notice === 'string' && params.notice in NOTICES ? NOTICES[params.notice as keyof typeof NOTICES] : null;
  return (
    <AuthPanel
      title={t('title')}
      subtitle={t('subtitle')}
      footer={
        <>
          {t('noAccount')}{' '}
          <Link href="/register" className="font-semibold text-brand-700 hover:underline">
            {t('register')}
          </Link>
        </>
      }
    >
      <div className="flex flex-col gap-5">
        {notice && <Alert tone="success">{t(notice)}</Alert>}
        <LoginForm callbackUrl={callbackUrl} />
        <div className="flex items-center gap-3 text-xs font-medium uppercase tracking-wide text-slate-500" aria-hidden>
          <span className="h-px flex-1 bg-slate-200" />
          {t('or')}
          <span className="h-px flex-1 bg-slate-200" />
        </div>
        <PasskeyButton label={t('passkey')} kind="authenticate" getOptions={passkeyLoginOptionsAction} action={passkeyLoginAction} fields={{ callbackUrl }} />
      </div>
    </AuthPanel>
  );
}
