import { useFormatter, useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import type { listRecentMessages } from '@/domain/data/charger-activity';

type Message = Awaited<ReturnType<typeof listRecentMessages>>[number];

export function MessageLog({ messages }: { messages: Message[] }) {
  const t = useTranslations('ChargerDetail');
  const format = useFormatter();
  return (
    <Card>
      <h2 className="font-semibold">{t('messagesTitle')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('messagesBody')}</p>
      {messages.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t('noMessages')}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="message-log">
          {messages.map((message) => (
            <li key={message.id}>
              <details className="group py-2">
                <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1">
                  <span className={`font-mono text-xs ${message.direction === 'in' ? 'text-emerald-700' : 'text-sky-700'}`} title={t('direction', { direction: message.direction })}>
                    {message.direction === 'in' ? '→' : '←'}
                  </span>
                  <span className="font-medium">{message.action ?? '—'}</span>
                  <span className="text-xs text-slate-500">{t('messageType', { type: message.messageType })}</span>
                  <time className="ml-auto text-xs tabular-nums text-slate-500" dateTime={message.createdAt.toISOString()}>
                    {format.dateTime(message.createdAt, { timeStyle: 'medium' })}
                  </time>
                </summary>
                {/* Focusable, so that a long payload scrolls from the keyboard too. */}
                <pre tabIndex={0} className="mt-2 max-h-64 overflow-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(message.payload, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
