import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { LiveRefresh } from '@/components/live/live-refresh';
import { Card } from '@/components/ui/card';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { getCircuit, listCircuitCandidates, listCircuitChanges, listCircuitShares } from '@/domain/data/circuit-views';
import { requireManagingMembership } from '@/lib/authz';
import { db } from '@/lib/db';
import { deleteCircuitAction } from '../actions';
import { CircuitChargersForm } from '../_components/circuit-chargers-form';
import { CircuitFeedStatus } from '../_components/circuit-feed-status';
import { CircuitForm } from '../_components/circuit-form';
import { CircuitLog } from '../_components/circuit-log';
import { CircuitShares } from '../_components/circuit-shares';

export async function generateMetadata() {
  return { title: (await getTranslations('CircuitPage'))('title') };
}

export default async function CircuitPage({ params }: PageProps<'/circuits/[circuitId]'>) {
  const member = await requireManagingMembership();
  const circuitId = z.uuid().safeParse((await params).circuitId);
  if (!circuitId.success) notFound();
  const scope = { accountId: member.accountId, circuitId: circuitId.data };
  const circuit = await getCircuit(db(), scope);
  if (!circuit) notFound();
  const [t, shares, changes, candidates] = await Promise.all([
    getTranslations('CircuitPage'),
    listCircuitShares(db(), scope),
    listCircuitChanges(db(), scope),
    listCircuitCandidates(db(), scope),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <LiveRefresh />
      <div>
        <Link href="/circuits" className="text-sm text-brand-700 hover:underline">
          {t('back')}
        </Link>
        <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">{circuit.name}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('summary', { capacityA: circuit.capacityA, minCurrentA: circuit.minCurrentA })}</p>
      </div>
      <Card>
        <h2 className="mb-2 font-semibold">{t('feed')}</h2>
        <CircuitFeedStatus circuit={circuit} />
      </Card>
      <Card>
        <h2 className="mb-1 font-semibold">{t('shares')}</h2>
        <p className="mb-3 text-sm text-slate-600">{t('sharesBody')}</p>
        <CircuitShares shares={shares} capacityA={circuit.capacityA} />
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">{t('chargers')}</h2>
        <CircuitChargersForm accountId={member.accountId} circuitId={circuit.id} candidates={candidates} />
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">{t('log')}</h2>
        <CircuitLog changes={changes} />
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">{t('settings')}</h2>
        <CircuitForm accountId={member.accountId} circuit={circuit} />
        <div className="mt-6 border-t border-slate-100 pt-4">
          <ConfirmForm action={deleteCircuitAction} fields={{ accountId: member.accountId, circuitId: circuit.id }} label={t('delete')} confirm={t('deleteConfirm', { name: circuit.name })} variant="danger" />
        </div>
      </Card>
    </div>
  );
}
