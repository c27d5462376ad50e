import { getTranslations } from 'next-intl/server';
import { logoutAction } from '@/app/actions/logout';
import type { ComponentProps } from 'react';
import { AccountSwitcher } from './account-switcher';
import { LanguageSwitcher } from './language-switcher';
import { Logo } from './logo';
import { NAV_ITEMS, navItemsFor } from './nav-items';
import { NavLink } from './nav-link';

type AppHeaderProps = { userName: string; accounts: ComponentProps<typeof AccountSwitcher>['accounts']; currentAccountId: string; canManage: boolean };

export async function AppHeader({ userName, accounts, currentAccountId, canManage }: AppHeaderProps) {
  const t = await getTranslations('Nav');
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Logo href="/dashboard" />
        {/* On a phone the sections are in the tab bar (tab-bar.tsx), and the rest under its More. */}
        <nav aria-label={t('mainNavigation')} className="hidden gap-1 overflow-x-auto sm:flex">
          {navItemsFor(NAV_ITEMS, canManage).map((item) => (
            <NavLink key={item.href} href={item.href}>
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto hidden items-center gap-3 sm:flex">
          <AccountSwitcher accounts={accounts} currentAccountId={currentAccountId} />
          <LanguageSwitcher isCompact />
          {/* From xl only, and cut short: below that the sections and the controls would no longer fit on one line. */}
          <span className="hidden max-w-40 truncate text-sm font-medium text-slate-700 xl:inline" data-testid="user-name">
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
