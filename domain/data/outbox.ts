import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { outboxEmails } from '../../db/schema';
import { done, type Result } from './result';

export type Email = { to: string; subject: string; html: string; text: string };

export async function storeInOutbox(db: Executor, email: Email): Promise<Result> {
  await db.insert(outboxEmails).values(email);
  return done;
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
