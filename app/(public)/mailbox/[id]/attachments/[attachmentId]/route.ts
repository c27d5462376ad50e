import { z } from 'zod';
import { getOutboxAttachment } from '@/domain/data/outbox';
import { db } from '@/lib/db';
import { canOpenMailbox } from '@/lib/email/mailbox';

export const dynamic = 'force-dynamic';

// An attachment of a kept e-mail (a statement's PDF), under the same rule as the mailbox: this machine only.
export async function GET(_request: Request, { params }: RouteContext<'/mailbox/[id]/attachments/[attachmentId]'>) {
  const { id, attachmentId } = await params;
  const ids = z.object({ id: z.uuid(), attachmentId: z.uuid() }).safeParse({ id, attachmentId });
  if (!ids.success || !(await canOpenMailbox())) return new Response(null, { status: 404 });
  const file = await getOutboxAttachment(db(), { emailId: ids.data.id, id: ids.data.attachmentId });
  if (!file) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': 'no-store',
    },
  });
}
