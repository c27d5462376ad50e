import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { ForgotPasswordForm } from './forgot-password-form';

export async function generateMetadata() {
  return { title: (await getTranslations('ForgotPasswordPage'))('title') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('ForgotPasswordPage');
  return (
    <AuthPanel
      title={t('title')}
      subtitle={t('subtitle')}
      footer={
        <Link href="/login" className="font-semibold text-brand-700 hover:underline">
          {t('back')}
        </Link>
      }
    >
      <ForgotPasswordForm />
    </AuthPanel>
  );
}
