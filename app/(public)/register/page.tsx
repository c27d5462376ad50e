import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { RegisterForm } from './register-form';

export async function generateMetadata() {
  return { title: (await getTranslations('RegisterPage'))('title') };
}

export default async function RegisterPage() {
  const t = await getTranslations('RegisterPage');
  return (
    <AuthPanel
      title={t('title')}
      subtitle={t('subtitle')}
      footer={
        <>
          {t('haveAccount')}{' '}
          <Link href="/login" className="font-semibold text-brand-700 hover:underline">
            {t('login')}
          </Link>
        </>
      }
    >
      <RegisterForm />
    </AuthPanel>
  );
}
