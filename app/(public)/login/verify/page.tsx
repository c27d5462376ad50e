import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { PasskeyButton } from '@/components/auth/passkey-button';
import { LinkProblem } from '@/components/auth/link-problem';
import { getSecondFactorStep } from '@/lib/accounts/login-steps';
import { readLoginStep } from '@/lib/auth/login-step-cookies';
import { getSecondFactors } from '@/domain/data/two-factor';
import { db } from '@/lib/db';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { secondFactorPasskeyOptionsAction, verifyPasskeyAction } from './actions';
import { VerifyCodeForm } from './verify-code-form';

export async function generateMetadata() {
  return { title: (await getTranslations('VerifyLoginPage'))('title') };
}

// The second step of a login: the password was right, the account has a second factor.
export default async function VerifyLoginPage({ searchParams }: PageProps<'/login/verify'>) {
  const t = await getTranslations('VerifyLoginPage');
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : null) ?? undefined;
  const token = await readLoginStep('secondFactor');
  const step = token ? await getSecondFactorStep(db(), token) : null;
  if (!step?.userId) return <LinkProblem title={t('expiredTitle')} body={t('expired')} action={{ href: '/login', label: t('backToLogin') }} />;

  const factors = await getSecondFactors(db(), { userId: step.userId });
  const hasCodes = factors.hasAuthenticator || factors.recoveryCodesLeft > 0;
  return (
    <AuthPanel
      title={t('title')}
      subtitle={t('subtitle')}
      footer={
        <Link href="/login" className="font-semibold text-brand-700 hover:underline">
          {t('backToLogin')}
        </Link>
      }
    >
      <div className="flex flex-col gap-6">
        {factors.passkeyCount > 0 && (
          <PasskeyButton
            label={t('usePasskey')}
            kind="authenticate"
            getOptions={secondFactorPasskeyOptionsAction}
            action={verifyPasskeyAction}
            fields={{ callbackUrl }}
            variant={factors.hasAuthenticator ? 'secondary' : 'primary'}
          />
        )}
        {hasCodes && <VerifyCodeForm callbackUrl={callbackUrl} hasAuthenticator={factors.hasAuthenticator} />}
      </div>
    </AuthPanel>
  );
}
