import { useFormatter, useTranslations } from 'next-intl';
import type { ConnectorWhy as ConnectorWhyData } from '@/domain/charging/why-not-charging';
import { entryWords, nowWords, when, type Words } from './why-words';

const NOW_TONE: Record<string, string> = {
  ready: 'bg-slate-50 ring-slate-200',
  charging: 'bg-emerald-50 ring-emerald-200',
  reserved: 'bg-violet-50 ring-violet-200',
};
const PROBLEM_TONE = 'bg-amber-50 ring-amber-200';

function Advice({ words }: { words: Words }) {
  const t = useTranslations('WhyNotCharging');
  if (!words.advice) return null;
  return (
    <p className="mt-1 text-sm">
      <span className="font-semibold">{t('whatToDo')}</span> {words.advice}
    </p>
  );
}

export function ConnectorWhy({ why }: { why: ConnectorWhyData }) {
  const t = useTranslations('WhyNotCharging');
  const format = useFormatter();
  const now = nowWords(t, format, why.now);
  return (
    <section className="flex min-w-0 flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="connector-why" data-connector={why.connectorId}>
      <h2 className="font-semibold">{t('connector', { id: why.connectorId })}</h2>
      <div className={`rounded-xl p-3 ring-1 ${NOW_TONE[why.now.code] ?? PROBLEM_TONE}`} data-testid="why-now" aria-live="polite">
        <p className="font-medium break-words">{now.sentence}</p>
        <Advice words={now} />
      </div>
      <h3 className="text-sm font-semibold text-slate-700">{t('timeline')}</h3>
      {why.timeline.length === 0 ? (
        <p className="text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ol className="flex flex-col gap-3 border-l-2 border-slate-200 pl-4" data-testid="why-timeline">
          {why.timeline.map((entry, index) => {
            const words = entryWords(t, entry);
            return (
              <li key={index} className="min-w-0" data-testid="why-entry">
                <p className="text-xs text-slate-600">
                  <time dateTime={entry.at.toISOString()}>{when(format, entry.at)}</time>
                  {entry.isChargerWide && ` · ${t('atCharger')}`}
                </p>
                <p className="text-sm break-words">{words.sentence}</p>
                <Advice words={words} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
