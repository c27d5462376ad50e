import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { LinkProblem } from '@/components/auth/link-problem';
import { failure } from '@/domain/data/result';
import { db } from '@/lib/db';
import { checkInvite } from '@/lib/invites/respond';
import { requireUser } from '@/lib/session';
import { InviteAnswerForms } from './invite-answer';

export async function generateMetadata() {
  return { title: (await getTranslations('InvitePage'))('title') };
}

export default async function AcceptInvitePage({ searchParams }: PageProps<'/invites/accept'>) {
  const user = await requireUser();
  const t = await getTranslations('InvitePage');
  const { token } = await searchParams;
  const check = typeof token === 'string' ? await checkInvite(db(), { token, userId: user.id }) : failure('invalid');
  if (!check.ok) {
    return <LinkProblem title={t(`${check.reason}Title`)} body={t(check.reason)} action={{ href: '/dashboard', label: t('dashboard') }} />;
  }
  return (
    <AuthPanel title={t('title')} subtitle={t('body', { inviterName: check.value.inviterName ?? '—', accountName: check.value.accountName })}>
      <InviteAnswerForms token={token as string} />
    </AuthPanel>
  );
}
