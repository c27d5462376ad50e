import { getFormatter, getNow, getTranslations } from 'next-intl/server';
import { ConfirmForm } from '@/components/ui/confirm-form';
import type { listApiTokens } from '@/domain/data/api-tokens';
import { revokeApiTokenAction } from '../actions';

type Token = Awaited<ReturnType<typeof listApiTokens>>[number];

export async function TokenList({ accountId, tokens }: { accountId: string; tokens: Token[] }) {
  const [t, format, now] = await Promise.all([getTranslations('MeterFeedPage'), getFormatter(), getNow()]);
  if (tokens.length === 0) return <p className="text-sm text-slate-600">{t('noTokens')}</p>;
  const date = (at: Date) => format.dateTime(at, { dateStyle: 'medium' });
  return (
    <ul className="divide-y divide-slate-100" data-testid="feed-tokens">
      {tokens.map((token) => (
        <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="min-w-0">
            <p className={`font-medium ${token.revokedAt ? 'text-slate-500 line-through' : 'text-slate-900'}`}>{token.name}</p>
            <p className="text-xs text-slate-500">
              {t('tokenCreated', { date: date(token.createdAt) })} ·{' '}
              {token.revokedAt
                ? t('tokenRevoked', { date: date(token.revokedAt) })
                : token.lastUsedAt
                  ? t('tokenLastUsed', { time: format.relativeTime(token.lastUsedAt, now) })
                  : t('tokenNeverUsed')}
            </p>
          </div>
          {!token.revokedAt && (
            <ConfirmForm
              action={revokeApiTokenAction}
              fields={{ accountId, tokenId: token.id }}
              label={t('revoke')}
              confirm={t('revokeConfirm', { name: token.name })}
              variant="ghost"
            />
          )}
        </li>
      ))}
    </ul>
  );
}
