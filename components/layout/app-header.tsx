import { getTranslations } from 'next-intl/server';
import { logoutAction } from '@/app/actions/logout';
import type { ComponentProps } from 'react';
import { AccountSwitcher } from './account-switcher';
import { LanguageSwitcher } from './language-switcher';
import { Logo } from './logo';
import { NavLink } from './nav-link';

type AppHeaderProps = { userName: string; accounts: ComponentProps<typeof AccountSwitcher>['accounts']; currentAccountId: string };

export async function AppHeader({ userName, accounts, currentAccountId }: AppHeaderProps) {
  const t = await getTranslations('Nav');
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Logo href="/dashboard" />
        <nav aria-label={t('mainNavigation')} className="order-3 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto">
          <NavLink href="/dashboard">{t('dashboard')}</NavLink>
          <NavLink href="/charge">{t('charge')}</NavLink>
          <NavLink href="/chargers">{t('chargers')}</NavLink>
          <NavLink href="/sessions">{t('sessions')}</NavLink>
          <NavLink href="/cards">{t('cards')}</NavLink>
          <NavLink href="/customers">{t('customers')}</NavLink>
          <NavLink href="/profile">{t('profile')}</NavLink>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <AccountSwitcher accounts={accounts} currentAccountId={currentAccountId} />
          <LanguageSwitcher isCompact />
          <span className="hidden text-sm font-medium text-slate-700 md:inline" data-testid="user-name">
            {userName}
          </span>
          <form action={logoutAction}>
            <button type="submit" className="rounded-lg px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {t('logout')}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
