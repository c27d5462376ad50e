import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { SubPageHeader } from '@/components/ui/sub-page-header';
import { requireManagingMembership } from '@/lib/authz';
import { getAccountTimeZone } from '@/domain/data/account-time-zone';
import { getDayAheadFeed, getStoredDayAhead } from '@/domain/data/day-ahead';
import { listPersonalPrices } from '@/domain/data/personal-prices';
import { listCurrentTariffs, listTariffChargers } from '@/domain/data/tariffs';
import { db } from '@/lib/db';
import { DayAheadCard } from './_components/day-ahead-card';
import { PersonalPriceForm } from './_components/personal-price-form';
import { PriceForm } from './_components/price-form';
import { TimeZoneForm } from './_components/time-zone-form';
import { dayAheadProblemKey } from './day-ahead-problems';

export async function generateMetadata() {
  return { title: (await getTranslations('TariffPage'))('title') };
}

// Owners (and co-owners) only: drivers and guests never see or change prices.
export default async function PricesPage() {
  const member = await requireManagingMembership();
  const scope = { accountId: member.accountId };
  const [t, tariffs, chargers, timeZone, people, stored, feed] = await Promise.all([
    getTranslations('TariffPage'),
    listCurrentTariffs(db(), scope),
    listTariffChargers(db(), scope),
    getAccountTimeZone(db(), scope),
    listPersonalPrices(db(), scope),
    getStoredDayAhead(db(), scope),
    getDayAheadFeed(db(), scope),
  ]);
  const defaultCurrency = tariffs.account?.currency ?? 'EUR';
  const zones = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone'), timeZone])];
  const usesDayAhead = [tariffs.account, ...tariffs.chargers.values()].some((price) => price?.kind === 'dayAhead');
  return (
    <div className="flex flex-col gap-6">
      <SubPageHeader back={{ href: '/sessions', label: t('back') }} title={t('title')} intro={t('intro')} />
      <Card>
        <h2 className="mb-4 font-semibold">{t('accountTitle')}</h2>
        <PriceForm accountId={member.accountId} title={t('accountLabel')} current={tariffs.account} emptyLabel={t('noTariff')} defaultCurrency={defaultCurrency} />
      </Card>
      <Card>
        <TimeZoneForm accountId={member.accountId} timeZone={timeZone} zones={zones} />
      </Card>
      {(usesDayAhead || feed || stored) && (
        <Card>
          <h2 className="font-semibold">{t('dayAheadTitle')}</h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">{t('dayAheadIntro')}</p>
          <DayAheadCard
            accountId={member.accountId}
            currency={defaultCurrency}
            stored={stored}
            feed={feed && { ...feed, lastError: feed.lastError ? dayAheadProblemKey(feed.lastError) : null }}
          />
        </Card>
      )}
      {chargers.length > 0 && (
        <Card>
          <h2 className="font-semibold">{t('chargersTitle')}</h2>
          <p className="mt-1 text-sm text-slate-600">{t('chargersIntro')}</p>
          <ul className="mt-4 divide-y divide-slate-100">
            {chargers.map((charger) => (
              <li key={charger.id} className="py-4 first:pt-0 last:pb-0">
                <PriceForm
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
      <Card>
        <h2 className="font-semibold">{t('peopleTitle')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('peopleIntro')}</p>
        <h3 className="mt-4 text-sm font-semibold text-slate-800">{t('membersTitle')}</h3>
        <ul className="mt-2 divide-y divide-slate-100">
          {people.people.map((person) => (
            <li key={person.userId} className="py-4 first:pt-0 last:pb-0">
              <PersonalPriceForm accountId={member.accountId} holder={{ userId: person.userId }} title={person.name || person.email} price={person.price} defaultCurrency={defaultCurrency} />
            </li>
          ))}
        </ul>
        {people.cards.length > 0 && (
          <>
            <h3 className="mt-6 text-sm font-semibold text-slate-800">{t('cardsTitle')}</h3>
            <ul className="mt-2 divide-y divide-slate-100">
              {people.cards.map((card) => (
                <li key={card.cardId} className="py-4 first:pt-0 last:pb-0">
                  <PersonalPriceForm accountId={member.accountId} holder={{ cardId: card.cardId }} title={card.label ? `${card.label} (${card.idTag})` : card.idTag} price={card.price} defaultCurrency={defaultCurrency} />
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </div>
  );
}
