import { getTranslations } from 'next-intl/server';
import { AuthPanel } from '@/components/auth/auth-panel';
import { LinkProblem } from '@/components/auth/link-problem';
import { checkToken } from '@/lib/data/tokens';
import { ActivateForm } from './activate-form';

export async function generateMetadata() {
  return { title: (await getTranslations('ActivatePage'))('title') };
}

// Opening the link only looks at the token; the button activates. Mail scanners that
// follow links therefore cannot use up the token.
export default async function ActivatePage({ searchParams }: PageProps<'/activate'>) {
  const t = await getTranslations('ActivatePage');
  const { token } = await searchParams;
  const check = typeof token === 'string' && token.length <= 200 ? await checkToken(token, 'activate') : { status: 'invalid' as const };
  if (check.status !== 'valid') {
    return (
      <LinkProblem
        title={t(`${check.status}Title`)}
        body={t(check.status)}
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
