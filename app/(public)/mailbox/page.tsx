import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listOutbox } from '@/domain/data/outbox';
import { db } from '@/lib/db';
import { canOpenMailbox } from '@/lib/email/mailbox';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('MailboxPage'))('title') };
}

export default async function MailboxPage() {
  if (!(await canOpenMailbox())) notFound();
  const [t, format, emails] = await Promise.all([getTranslations('MailboxPage'), getFormatter(), listOutbox(db())]);
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('intro')}</p>
      {emails.length === 0 ? (
        <p className="mt-8 rounded-2xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">{t('empty')}</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 overflow-hidden rounded-2xl bg-white ring-1 ring-slate-200" data-testid="mailbox">
          {emails.map((email) => (
            <li key={email.id}>
              <Link href={`/mailbox/${email.id}`} className="flex flex-col gap-1 px-5 py-4 hover:bg-slate-50 sm:flex-row sm:items-center sm:justify-between">
                <span>
                  <span className="block font-semibold text-slate-900">{email.subject}</span>
                  <span className="block text-sm text-slate-600">{t('to', { to: email.to })}</span>
                </span>
                <time className="text-sm text-slate-500" dateTime={email.createdAt.toISOString()}>
                  {format.dateTime(email.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
