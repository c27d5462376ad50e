import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { buttonClasses } from '@/components/ui/button';
import { canOpenMailbox } from '@/lib/email/mailbox';

export default async function CheckEmailPage({ searchParams }: PageProps<'/check-email'>) {
  const t = await getTranslations('CheckEmailPage');
  const [{ email }, hasMailbox] = await Promise.all([searchParams, canOpenMailbox()]);
  const address = typeof email === 'string' ? email.slice(0, 254) : '';
  return (
    <AuthPanel title={t('title')} subtitle={t('body', { email: address })}>
      <div className="flex flex-col gap-3">
        {hasMailbox && (
          <>
            <p className="text-sm text-slate-600">{t('mailboxHint')}</p>
            <Link href="/mailbox" className={buttonClasses('primary')}>
              {t('openMailbox')}
            </Link>
          </>
        )}
        <Link href="/login" className={buttonClasses('secondary')}>
          {t('login')}
        </Link>
      </div>
    </AuthPanel>
  );
}
