import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { outboxEmails } from '@/db/schema';
import { db } from '@/lib/db';

export type Email = { to: string; subject: string; html: string; text: string };

export async function storeInOutbox(email: Email) {
  await db().insert(outboxEmails).values(email);
}

export async function listOutbox(limit = 100) {
  return db()
    .select({ id: outboxEmails.id, to: outboxEmails.to, subject: outboxEmails.subject, createdAt: outboxEmails.createdAt })
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.createdAt))
    .limit(limit);
}

export async function getOutboxEmail(id: string) {
  const [email] = await db().select().from(outboxEmails).where(eq(outboxEmails.id, id));
  return email ?? null;
}
