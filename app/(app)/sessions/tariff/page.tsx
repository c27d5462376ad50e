import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { requireManagingMembership } from '@/lib/authz';
import { listCurrentTariffs, listTariffChargers } from '@/domain/data/tariffs';
import { TariffForm } from './_components/tariff-form';
import { db } from '@/lib/db';

export async function generateMetadata() {
  return { title: (await getTranslations('TariffPage'))('title') };
}

export default async function TariffPage() {
  const member = await requireManagingMembership();
  const scope = { accountId: member.accountId };
  const [t, tariffs, chargers] = await Promise.all([getTranslations('TariffPage'), listCurrentTariffs(db(), scope), listTariffChargers(db(), scope)]);
  const defaultCurrency = tariffs.account?.currency ?? 'EUR';
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/sessions" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
        <h1 className="mt-3 text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <p className="mt-2 max-w-2xl text-sm text-slate-600">{t('intro')}</p>
      </div>
      <Card>
        <h2 className="mb-4 font-semibold">{t('accountTitle')}</h2>
        <TariffForm
          accountId={member.accountId}
          title={t('accountLabel')}
          current={tariffs.account}
          emptyLabel={t('noTariff')}
          defaultCurrency={defaultCurrency}
        />
      </Card>
      {chargers.length > 0 && (
        <Card>
          <h2 className="font-semibold">{t('chargersTitle')}</h2>
          <p className="mt-1 text-sm text-slate-600">{t('chargersIntro')}</p>
          <ul className="mt-4 divide-y divide-slate-100">
            {chargers.map((charger) => (
              <li key={charger.id} className="py-4 first:pt-0 last:pb-0">
                <TariffForm
                  accountId={member.accountId}
                  chargerId={charger.id}
                  title={charger.name}
                  current={tariffs.chargers.get(charger.id) ?? null}
                  emptyLabel={t('usesAccountTariff')}
                  defaultCurrency={defaultCurrency}
                />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
