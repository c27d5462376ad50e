import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { listCircuits } from '@/domain/data/circuit-views';
import { requireManagingMembership } from '@/lib/authz';
import { db } from '@/lib/db';
import { CircuitForm } from './_components/circuit-form';

export async function generateMetadata() {
  return { title: (await getTranslations('CircuitsPage'))('title') };
}

export default async function CircuitsPage() {
  const member = await requireManagingMembership();
  const [t, circuits] = await Promise.all([getTranslations('CircuitsPage'), listCircuits(db(), { accountId: member.accountId })]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title')}</h1>
        <p className="mt-2 max-w-2xl text-sm text-slate-600">{t('body')}</p>
      </div>
      {circuits.length === 0 ? (
        <p className="rounded-2xl border-2 border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="circuit-list">
          {circuits.map((circuit) => (
            <li key={circuit.id}>
              <Link href={`/circuits/${circuit.id}`} className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500">
                <span className="font-semibold">{circuit.name}</span>
                <span className="mt-1 block text-sm text-slate-600">{t('summary', { capacityA: circuit.capacityA, chargers: circuit.chargerCount })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card>
        <h2 className="mb-3 font-semibold">{t('add')}</h2>
        <CircuitForm accountId={member.accountId} />
      </Card>
    </div>
  );
}
