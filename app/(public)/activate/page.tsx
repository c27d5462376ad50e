import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { LinkProblem } from '@/components/auth/link-problem';
import { failure } from '@/domain/data/result';
import { checkToken } from '@/domain/data/tokens';
import { db } from '@/lib/db';
import { ActivateForm } from './activate-form';

export async function generateMetadata() {
  return { title: (await getTranslations('ActivatePage'))('title') };
}

// Opening the link only looks at the token; the button activates. Mail scanners that
// follow links therefore cannot use up the token.
export default async function ActivatePage({ searchParams }: PageProps<'/activate'>) {
  const t = await getTranslations('ActivatePage');
  const { token } = await searchParams;
  const check = typeof token === 'string' && token.length <= 200 ? await checkToken(db(), { token, purpose: 'activate' }) : failure('invalid');
  if (!check.ok) {
    return (
      <LinkProblem
        title={t(`${check.reason}Title`)}
        body={t(check.reason)}
        action={{ href: '/login', label: t('login') }}
      />
    );
  }
  return (
    <AuthPanel title={t('title')} subtitle={t('confirm')}>
      <ActivateForm token={token as string} />
    </AuthPanel>
  );
}
