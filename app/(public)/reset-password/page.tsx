import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { LinkProblem } from '@/components/auth/link-problem';
import { failure } from '@/domain/data/result';
import { checkToken } from '@/domain/data/tokens';
import { db } from '@/lib/db';
import { needsSecondFactor } from '@/lib/accounts/login-steps';
import { ResetPasswordForm } from './reset-password-form';

export async function generateMetadata() {
  return { title: (await getTranslations('ResetPasswordPage'))('title') };
}

export default async function ResetPasswordPage({ searchParams }: PageProps<'/reset-password'>) {
  const t = await getTranslations('ResetPasswordPage');
  const { token } = await searchParams;
  const check = typeof token === 'string' && token.length <= 200 ? await checkToken(db(), { token, purpose: 'reset' }) : failure('invalid');
  if (!check.ok) {
    return (
      <LinkProblem
        title={t(`${check.reason}Title`)}
        body={t(check.reason)}
        action={{ href: '/forgot-password', label: t('requestNew') }}
      />
    );
  }
  return (
    <AuthPanel title={t('title')}>
      <ResetPasswordForm token={token as string} needsCode={await needsSecondFactor(db(), check.value)} />
    </AuthPanel>
  );
}
