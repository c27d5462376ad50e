import { getTranslations } from 'next-intl/server';
import { logoutAction } from '@/app/actions/logout';
import type { ComponentProps } from 'react';
import { AccountSwitcher } from './account-switcher';
import { LanguageSwitcher } from './language-switcher';
import { Logo } from './logo';
import { HeaderMoreMenu } from './header-more-menu';
import { headerWidthOf, NAV_ITEMS, navItemsFor } from './nav-items';
import { NavLink } from './nav-link';

// A section in the header's own row from this width on (nav-items.ts); narrower, it is under More.
const IN_ROW_CLASS = { sm: '', md: 'hidden md:block', xl: 'hidden xl:block', never: 'hidden' } as const;

type AppHeaderProps = { userName: string; accounts: ComponentProps<typeof AccountSwitcher>['accounts']; currentAccountId: string; canManage: boolean };

export async function AppHeader({ userName, accounts, currentAccountId, canManage }: AppHeaderProps) {
  const t = await getTranslations('Nav');
  const items = navItemsFor(NAV_ITEMS, canManage);
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Logo href="/dashboard" />
        {/* On a phone the sections are in the tab bar (tab-bar.tsx), and the rest under its More. Wider, they have a row of
            their own below the logo and the controls, so that no language's longer names push them out of sight. */}
        <nav aria-label={t('mainNavigation')} className="order-last -ml-3 hidden w-full items-center gap-1 sm:flex">
          {items.map((item) => (
            <div key={item.href} className={IN_ROW_CLASS[headerWidthOf(item.href)]}>
              <NavLink href={item.href}>{t(item.label)}</NavLink>
            </div>
          ))}
          <HeaderMoreMenu items={items} />
        </nav>
        <div className="ml-auto hidden items-center gap-3 sm:flex">
          <AccountSwitcher accounts={accounts} currentAccountId={currentAccountId} />
          <LanguageSwitcher isCompact />
          {/* From xl only, and cut short: narrower, the logo and the controls would no longer fit on one line. */}
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
