import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { LiveRefresh } from '@/components/live/live-refresh';
import { SessionChart } from '@/components/sessions/session-chart';
import { formatMoney, sessionView } from '@/components/sessions/session-view';
import { Card } from '@/components/ui/card';
import { ownSessionsOnly, requireCurrentMembership } from '@/lib/authz';
import { getSession, listSessionMeterValues } from '@/domain/data/sessions';
import { sessionSeries } from '@/domain/sessions/series';
import { MeterValueTable } from './meter-value-table';
import { db } from '@/lib/db';

const sessionIdSchema = z.coerce.number().int().min(1).max(2_147_483_647);

export async function generateMetadata({ params }: PageProps<'/sessions/[sessionId]'>) {
  const id = sessionIdSchema.safeParse((await params).sessionId);
  return { title: (await getTranslations('SessionPage'))('title', { id: id.success ? id.data : 0 }) };
}

export default async function SessionPage({ params }: PageProps<'/sessions/[sessionId]'>) {
  const sessionId = sessionIdSchema.safeParse((await params).sessionId);
  if (!sessionId.success) notFound();
  const member = await requireCurrentMembership();
  const scope = { accountId: member.accountId, sessionId: sessionId.data, onlyUserId: ownSessionsOnly(member) };
  const [session, values] = await Promise.all([getSession(db(), scope), listSessionMeterValues(db(), scope)]);
  if (!session) notFound();
  const [t, tFacts, format, now] = await Promise.all([getTranslations('SessionPage'), getTranslations('SessionFacts'), getFormatter(), getNow()]);
  const view = sessionView(session, { t: tFacts, format, now });
  const series = sessionSeries({ samples: values, ...session });
  const end = session.stoppedAt ?? new Date(Math.max(now.getTime(), ...series.energyKwh.map((point) => point.at)));
  const facts: [string, string][] = [
    [t('charger'), view.charger],
    [t('user'), view.user],
    [t('card'), view.card],
    [t('started'), view.started],
    ...(view.isRunning ? [] : [[t('ended'), view.ended] as [string, string]]),
    [t('duration'), view.duration],
    [t('energy'), view.energy],
    [t('cost'), view.cost],
    ...(session.pricePerKwh && session.currency
      ? [[t('price'), t('pricePerKwh', { price: formatMoney(format, session.pricePerKwh, session.currency) })] as [string, string]]
      : []),
    ...(view.isRunning ? [] : [[t('stopReason'), view.stopReason] as [string, string]]),
    ...(session.closeNote !== null ? [[t('closedBy'), tFacts('closedBy', { name: session.closedByName ?? tFacts('none'), note: session.closeNote })] as [string, string]] : []),
  ];
  return (
    <div className="flex flex-col gap-6">
      {view.isRunning && <LiveRefresh chargerId={session.chargerId} />}
      <div>
        <Link href="/sessions" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('title', { id: session.id })}</h1>
          {view.isRunning && <span className="rounded-full bg-sky-100 px-2.5 py-0.5 text-xs font-semibold text-sky-800">{t('running')}</span>}
        </div>
      </div>
      <Card>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 text-sm sm:grid-cols-3 lg:grid-cols-5" data-testid="session-facts">
          {facts.map(([label, value]) => (
            <div key={label} className="min-w-0">
              <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
              <dd className="mt-1 font-medium break-words text-slate-900 tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        {session.hasEventsSentOffline && (
          <p className="mt-4 text-sm text-slate-600" data-testid="session-sent-offline">
            {t('sentOffline')}
          </p>
        )}
      </Card>
      <Card>
        <h2 className="mb-4 font-semibold">{t('chartTitle')}</h2>
        {values.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noSamples')}</p>
        ) : (
          <SessionChart {...series} start={session.startedAt.getTime()} end={end.getTime()} />
        )}
      </Card>
      {values.length > 0 && (
        <Card>
          <h2 className="mb-3 font-semibold">{t('rawTitle')}</h2>
          <MeterValueTable values={values} />
        </Card>
      )}
    </div>
  );
}
