import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getOutboxEmail, listOutboxAttachments } from '@/domain/data/outbox';
import { db } from '@/lib/db';
import { canOpenMailbox } from '@/lib/email/mailbox';

export default async function MailboxEmailPage({ params }: PageProps<'/mailbox/[id]'>) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success || !(await canOpenMailbox())) notFound();
  const email = await getOutboxEmail(db(), { id: id.data });
  if (!email) notFound();
  const [t, format, attachments] = await Promise.all([getTranslations('MailboxPage'), getFormatter(), listOutboxAttachments(db(), { emailId: email.id })]);
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-8">
      <Link href="/mailbox" className="text-sm font-medium text-brand-700 hover:underline">
        ← {t('back')}
      </Link>
      <h1 className="mt-4 text-xl font-bold">{email.subject}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t('to', { to: email.to })} · {format.dateTime(email.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
      </p>
      {attachments.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-2" aria-label={t('attachments')}>
          {attachments.map((file) => (
            <li key={file.id}>
              <a href={`/mailbox/${email.id}/attachments/${file.id}`} download={file.filename} className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
                📎 {file.filename}
              </a>
            </li>
          ))}
        </ul>
      )}
      {/* Our own template, with every inserted value escaped when it was rendered (domain/email/layout.ts). */}
      <div className="mt-6 overflow-hidden rounded-2xl ring-1 ring-slate-200" data-testid="email-body" dangerouslySetInnerHTML={{ __html: email.html }} />
    </div>
  );
}
