import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { SessionView } from '@/components/sessions/session-view';

export type ListedSession = { id: number; view: SessionView };

function RunningDot() {
  return <span className="mr-1.5 inline-block size-2 animate-pulse rounded-full bg-sky-500 align-middle" aria-hidden />;
}

// A table from md up; below that each session is a card, since nine columns do not fit a phone.
export async function SessionList({ sessions }: { sessions: ListedSession[] }) {
  const t = await getTranslations('SessionsPage');
  return (
    <>
      <ul className="flex flex-col gap-3 md:hidden" data-testid="session-cards">
        {sessions.map(({ id, view }) => (
          <li key={id}>
            <Link href={`/sessions/${id}`} className="block rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-500">
              <div className="flex items-baseline justify-between gap-3">
                <p className="font-semibold text-slate-900">{view.started}</p>
                <p className="text-lg font-bold whitespace-nowrap tabular-nums">{view.energy}</p>
              </div>
              <p className="mt-0.5 text-sm text-slate-600">{view.charger}</p>
              <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1.5 text-sm">
                <dt className="text-slate-500">{t('colDuration')}</dt>
                <dd className="text-right tabular-nums">
                  {view.isRunning && <RunningDot />}
                  {view.duration}
                </dd>
                <dt className="text-slate-500">{t('colCost')}</dt>
                <dd className="text-right font-medium tabular-nums">{view.cost}</dd>
                <dt className="text-slate-500">{t('colUser')}</dt>
                <dd className="truncate text-right">{view.user}</dd>
                <dt className="text-slate-500">{t('colCard')}</dt>
                <dd className="truncate text-right">{view.card}</dd>
                <dt className="text-slate-500">{t('colStopReason')}</dt>
                <dd className="text-right">{view.stopReason}</dd>
              </dl>
            </Link>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
        <table className="w-full text-left text-sm" data-testid="session-table">
          <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase">
            <tr>
              <th className="px-4 py-3 font-medium">{t('colStarted')}</th>
              <th className="px-3 py-3 font-medium">{t('colCharger')}</th>
              <th className="px-3 py-3 font-medium">{t('colUser')}</th>
              <th className="px-3 py-3 font-medium">{t('colCard')}</th>
              <th className="px-3 py-3 font-medium">{t('colEnded')}</th>
              <th className="px-3 py-3 text-right font-medium">{t('colDuration')}</th>
              <th className="px-3 py-3 text-right font-medium">{t('colEnergy')}</th>
              <th className="px-3 py-3 text-right font-medium">{t('colCost')}</th>
              <th className="px-4 py-3 font-medium">{t('colStopReason')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sessions.map(({ id, view }) => (
              <tr key={id} className="hover:bg-slate-50">
                <td className="px-4 py-2.5 whitespace-nowrap">
                  <Link href={`/sessions/${id}`} className="font-medium text-brand-700 hover:underline">
                    {view.started}
                  </Link>
                </td>
                <td className="min-w-[9rem] px-3 py-2.5">
                  <span className="block">{view.chargerName}</span>
                  <span className="block text-xs text-slate-500">{view.connector}</span>
                </td>
                <td className="px-3 py-2.5">{view.user}</td>
                <td className="px-3 py-2.5">{view.card}</td>
                <td className="px-3 py-2.5 whitespace-nowrap">
                  {view.isRunning && <RunningDot />}
                  {view.ended}
                </td>
                <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{view.duration}</td>
                <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{view.energy}</td>
                <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{view.cost}</td>
                <td className="px-4 py-2.5 text-slate-600">{view.stopReason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
