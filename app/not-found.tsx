import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { buttonClasses } from '@/components/ui/button';

export default async function NotFound() {
  const t = await getTranslations('NotFoundPage');
  return (
    <div className="flex min-h-dvh flex-col justify-center bg-slate-50">
      <AuthPanel title={t('title')} subtitle={t('body')}>
        <Link href="/" className={buttonClasses('primary', 'w-full')}>
          {t('home')}
        </Link>
      </AuthPanel>
    </div>
  );
}
