import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getOutboxEmail } from '@/domain/data/outbox';
import { db } from '@/lib/db';
import { canOpenMailbox } from '@/lib/email/mailbox';

export default async function MailboxEmailPage({ params }: PageProps<'/mailbox/[id]'>) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success || !(await canOpenMailbox())) notFound();
  const email = await getOutboxEmail(db(), { id: id.data });
  if (!email) notFound();
  const [t, format] = await Promise.all([getTranslations('MailboxPage'), getFormatter()]);
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8">
      <Link href="/mailbox" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t('back')}
      </Link>
      <h1 className="mt-4 text-xl font-bold">{email.subject}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t('to', { to: email.to })} · {format.dateTime(email.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
      </p>
      {/* Our own template, with every inserted value escaped when it was rendered (domain/email/layout.ts). */}
      <div className="mt-6 overflow-hidden rounded-2xl ring-1 ring-slate-200" data-testid="email-body" dangerouslySetInnerHTML={{ __html: email.html }} />
    </div>
  );
}
