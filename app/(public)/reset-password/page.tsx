import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { LinkProblem } from '@/components/auth/link-problem';
import { checkToken } from '@/lib/data/tokens';
import { ResetPasswordForm } from './reset-password-form';

export async function generateMetadata() {
  return { title: (await getTranslations('ResetPasswordPage'))('title') };
}

export default async function ResetPasswordPage({ searchParams }: PageProps<'/reset-password'>) {
  const t = await getTranslations('ResetPasswordPage');
  const { token } = await searchParams;
  const check = typeof token === 'string' && token.length <= 200 ? await checkToken(token, 'reset') : { status: 'invalid' as const };
  if (check.status !== 'valid') {
    return (
      <LinkProblem
        title={t(`${check.status}Title`)}
        body={t(check.status)}
        action={{ href: '/forgot-password', label: t('requestNew') }}
      />
    );
  }
  return (
    <AuthPanel title={t('title')}>
      <ResetPasswordForm token={token as string} />
    </AuthPanel>
  );
}
