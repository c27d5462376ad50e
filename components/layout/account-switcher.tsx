'use client';

import type { MemberRole } from '@/db/schema';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';
import { switchAccountAction } from '@/app/actions/account';

type AccountOption = { accountId: string; accountName: string; role: MemberRole };

// Shown only to people who belong to more than one account; the choice lives in a cookie.
export function AccountSwitcher({ accounts, currentAccountId, hasVisibleLabel = false }: { accounts: AccountOption[]; currentAccountId: string; hasVisibleLabel?: boolean }) {
  const t = useTranslations('AccountSwitcher');
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const id = useId();
  if (accounts.length < 2) return null;
  return (
    <div className={hasVisibleLabel ? 'flex flex-col gap-1.5' : 'flex items-center gap-2'}>
      <label htmlFor={id} className={hasVisibleLabel ? 'text-sm font-medium text-slate-700' : 'sr-only'}>
        {t('label')}
      </label>
      <select
        id={id}
        value={currentAccountId}
        disabled={isPending}
        data-testid="account-switcher"
        onChange={(event) => {
          const accountId = event.target.value;
          startTransition(async () => {
            await switchAccountAction(accountId);
            router.refresh();
          });
        }}
        className={`${hasVisibleLabel ? 'w-full py-2.5' : 'max-w-48 py-1.5'} rounded-lg border border-slate-300 bg-white pl-2 pr-8 text-sm font-medium shadow-sm`}
      >
        {accounts.map((account) => (
          <option key={account.accountId} value={account.accountId}>
            {account.role === 'owner' ? t('own', { name: account.accountName }) : account.accountName}
          </option>
        ))}
      </select>
    </div>
  );
}
