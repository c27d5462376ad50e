import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { outboxAttachments, outboxEmails } from '../../db/schema';
import { done, type Result } from './result';

export type EmailAttachment = { filename: string; contentType: string; content: Buffer };
export type Email = { to: string; subject: string; html: string; text: string; attachments?: EmailAttachment[] };

export async function storeInOutbox(db: Executor, { attachments = [], ...email }: Email): Promise<Result> {
  await db.transaction(async (tx) => {
    const [stored] = await tx.insert(outboxEmails).values(email).returning({ id: outboxEmails.id });
    if (attachments.length > 0) await tx.insert(outboxAttachments).values(attachments.map((file) => ({ ...file, emailId: stored!.id })));
  });
  return done;
}

export async function listOutboxAttachments(db: Executor, { emailId }: { emailId: string }) {
  return db
    .select({ id: outboxAttachments.id, filename: outboxAttachments.filename, contentType: outboxAttachments.contentType })
    .from(outboxAttachments)
    .where(eq(outboxAttachments.emailId, emailId));
}

export async function getOutboxAttachment(db: Executor, { emailId, id }: { emailId: string; id: string }) {
  const [file] = await db.select().from(outboxAttachments).where(and(eq(outboxAttachments.emailId, emailId), eq(outboxAttachments.id, id)));
  return file ?? null;
}

export async function listOutbox(db: Executor, { limit = 100 }: { limit?: number } = {}) {
  return db
    .select({ id: outboxEmails.id, to: outboxEmails.to, subject: outboxEmails.subject, createdAt: outboxEmails.createdAt })
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(limit);
}

export async function getOutboxEmail(db: Executor, { id }: { id: string }) {
  const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  return email ?? null;
}
