import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ConnectorWhy } from '@/components/why/connector-why';
import { LiveRefresh } from '@/components/live/live-refresh';
import { getWhyNotCharging } from '@/domain/data/why-not-charging';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';

export async function generateMetadata() {
  return { title: (await getTranslations('WhyNotCharging'))('title') };
}

// Any member of the charger's account may read it, whichever account they are working in (the Charge page lists
// the chargers of all of them).
export default async function WhyNotChargingPage({ params }: PageProps<'/chargers/[chargerId]/why'>) {
  const chargerId = z.uuid().safeParse((await params).chargerId);
  if (!chargerId.success) notFound();
  const user = await requireUser();
  const [t, why] = await Promise.all([getTranslations('WhyNotCharging'), getWhyNotCharging(db(), { userId: user.id, chargerId: chargerId.data })]);
  if (!why) notFound();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <LiveRefresh chargerId={chargerId.data} />
      <div>
        <Link href="/charge" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('backToCharge')}
        </Link>
        <h1 className="mt-3 text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro', { name: why.name })}</p>
      </div>
      {why.connectors.map((connector) => (
        <ConnectorWhy key={connector.connectorId} why={connector} />
      ))}
    </div>
  );
}
