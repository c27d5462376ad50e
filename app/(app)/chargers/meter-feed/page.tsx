import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { SubPageHeader } from '@/components/ui/sub-page-header';
import { listApiTokens } from '@/domain/data/api-tokens';
import { getGridPowerSummary } from '@/domain/data/grid-power';
import { appUrl } from '@/domain/email/config';
import { requireManagingMembership } from '@/lib/authz';
import { db } from '@/lib/db';
import { FeedExamples } from './_components/feed-examples';
import { LatestReading } from './_components/latest-reading';
import { TokenForm } from './_components/token-form';
import { TokenList } from './_components/token-list';

export async function generateMetadata() {
  return { title: (await getTranslations('MeterFeedPage'))('title') };
}

export default async function MeterFeedPage() {
  const member = await requireManagingMembership();
  const scope = { accountId: member.accountId };
  const [t, summary, tokens] = await Promise.all([getTranslations('MeterFeedPage'), getGridPowerSummary(db(), scope), listApiTokens(db(), scope)]);
  return (
    <div className="flex flex-col gap-6">
      <SubPageHeader back={{ href: '/chargers', label: t('back') }} title={t('title')} intro={t('intro')} />
      <Card>
        <h2 className="mb-4 font-semibold">{t('latestTitle')}</h2>
        <LatestReading summary={summary} />
      </Card>
      <Card>
        <h2 className="font-semibold">{t('tokensTitle')}</h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">{t('tokensIntro')}</p>
        <div className="flex flex-col gap-4">
          <TokenForm accountId={member.accountId} />
          <TokenList accountId={member.accountId} tokens={tokens} />
        </div>
      </Card>
      <Card>
        <h2 className="mb-4 font-semibold">{t('howTitle')}</h2>
        <FeedExamples endpoint={`${appUrl()}/api/v1/grid-power`} />
      </Card>
    </div>
  );
}
