'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, type ComponentProps } from 'react';
import { logoutAction } from '@/app/actions/logout';
import { AccountSwitcher } from './account-switcher';
import { LanguageSwitcher } from './language-switcher';
import { isActivePath, MORE_ITEMS, navItemsFor } from './nav-items';

type MoreMenuProps = {
  userName: string;
  accounts: ComponentProps<typeof AccountSwitcher>['accounts'];
  canManage: boolean;
  currentAccountId: string;
  isOpen: boolean;
  onClose: () => void;
};

// A sheet from the bottom of the screen: a modal <dialog>, so focus stays in it and Escape closes it. Its contents
// exist only while it is open, so that the header's language and account choosers stay the page's only ones.
export function MoreMenu({ userName, accounts, currentAccountId, canManage, isOpen, onClose }: MoreMenuProps) {
  const t = useTranslations('Nav');
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (isOpen && !dialog.current?.open) dialog.current?.showModal();
    if (!isOpen && dialog.current?.open) dialog.current.close();
  }, [isOpen]);
  // A link followed from the sheet lands on its page with the sheet closed.
  useEffect(() => onClose(), [pathname]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <dialog
      ref={dialog}
      aria-label={t('more')}
      onClose={onClose}
      onClick={(event) => event.target === event.currentTarget && event.currentTarget.close()}
      className="mx-0 mt-auto mb-0 w-full max-w-none rounded-t-2xl bg-white p-0 shadow-xl backdrop:bg-slate-900/40 sm:hidden"
    >
      {isOpen && (
        <div className="flex flex-col gap-4 p-4 pb-[calc(1rem+env(safe-area-inset-bottom))]">
          <div className="flex items-center justify-between gap-3">
            <p className="truncate text-sm font-semibold text-slate-900">{userName}</p>
            <button type="button" onClick={onClose} className="rounded-lg px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {t('close')}
            </button>
          </div>
          <nav aria-label={t('moreNavigation')}>
            <ul className="grid grid-cols-2 gap-2">
              {navItemsFor(MORE_ITEMS, canManage).map((item) => {
                const isActive = isActivePath(pathname, item.href);
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={isActive ? 'page' : undefined}
                      className={`block rounded-lg px-3 py-3 text-sm font-medium ring-1 ${isActive ? 'bg-brand-50 text-brand-700 ring-brand-200' : 'text-slate-800 ring-slate-200'}`}
                    >
                      {t(item.label)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <AccountSwitcher accounts={accounts} currentAccountId={currentAccountId} hasVisibleLabel />
          <LanguageSwitcher />
          <form action={logoutAction}>
            <button type="submit" className="w-full rounded-lg px-3 py-3 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
              {t('logout')}
            </button>
          </form>
        </div>
      )}
    </dialog>
  );
}
