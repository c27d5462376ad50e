import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { Alert } from '@/components/ui/alert';
import { db } from '@/lib/db';
import { checkSignUpInvite } from '@/lib/invites/signup-invite';
import { RegisterForm } from './register-form';
import { SIGN_UP_LINK_ERRORS } from './signup-link-errors';

export async function generateMetadata() {
  return { title: (await getTranslations('RegisterPage'))('title') };
}

// With ?invite=… (a sign-up invitation's link) the address is the invitation's and fixed; a link that no longer works
// says why, above the ordinary form.
export default async function RegisterPage({ searchParams }: PageProps<'/register'>) {
  const [t, errors] = await Promise.all([getTranslations('RegisterPage'), getTranslations('Errors')]);
  const { invite: token } = await searchParams;
  const check = typeof token === 'string' ? await checkSignUpInvite(db(), { token }) : null;
  const invite = check?.ok ? check.value : null;
  return (
    <AuthPanel
      title={invite ? t('inviteTitle') : t('title')}
      subtitle={invite ? t('inviteSubtitle', { inviterName: invite.inviterName ?? '—', accountName: invite.accountName }) : t('subtitle')}
      footer={
        <>
          {t('haveAccount')}{' '}
          <Link href="/login" className="font-semibold text-brand-700 hover:underline">
            {t('login')}
          </Link>
        </>
      }
    >
      {check && !check.ok && (
        <div className="mb-5">
          <Alert tone="info">{errors(SIGN_UP_LINK_ERRORS[check.reason])}</Alert>
        </div>
      )}
      <RegisterForm invite={invite && typeof token === 'string' ? { token, email: invite.email } : undefined} />
    </AuthPanel>
  );
}
