'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { MoreMenu } from './more-menu';
import { isActivePath, MORE_ITEMS, navItemsFor, TAB_ITEMS } from './nav-items';

const ICONS: Record<(typeof TAB_ITEMS)[number]['label'] | 'more', ReactNode> = {
  charge: <path d="M13 2 4 14h6l-1 8 9-12h-6l1-8z" />,
  chargers: <path d="M7 2v5M13 2v5M4 7h12v4a6 6 0 0 1-12 0V7Zm6 10v5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />,
  sessions: <path d="M4 6h16M4 12h16M4 18h10" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" />,
  more: (
    <>
      <circle cx="5" cy="12" r="2" />
      <circle cx="12" cy="12" r="2" />
      <circle cx="19" cy="12" r="2" />
    </>
  ),
};

function Tab({ isActive, icon, label }: { isActive: boolean; icon: ReactNode; label: string }) {
  return (
    // 11 px and tight tracking: the longest label ("Ladevorgänge") stays whole in a quarter of a 360 px screen.
    <span className={`flex flex-col items-center gap-0.5 py-2 text-[11px] font-medium tracking-tight ${isActive ? 'text-brand-700' : 'text-slate-600'}`}>
      <svg viewBox="0 0 24 24" className="size-6" fill="currentColor" aria-hidden>
        {icon}
      </svg>
      <span className="max-w-full truncate px-0.5" data-testid="tab-label">
        {label}
      </span>
    </span>
  );
}

// On a phone: Charge, Chargers and Sessions a thumb away, and More for the rest (other sections, the account,
// the language, logging out).
export function TabBar(props: Omit<ComponentProps<typeof MoreMenu>, 'isOpen' | 'onClose'>) {
  const t = useTranslations('Nav');
  const pathname = usePathname();
  const [isMoreOpen, setIsMoreOpen] = useState(false);
  const isMoreActive = MORE_ITEMS.some((item) => isActivePath(pathname, item.href));
  return (
    <>
      <nav aria-label={t('tabs')} className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] sm:hidden">
        <ul className="grid grid-cols-4">
          {navItemsFor(TAB_ITEMS, props.canManage).map((item) => {
            const isActive = isActivePath(pathname, item.href);
            return (
              <li key={item.href} className="min-w-0">
                <Link href={item.href} aria-current={isActive ? 'page' : undefined} className="block">
                  <Tab isActive={isActive} icon={ICONS[item.label]} label={t(item.label)} />
                </Link>
              </li>
            );
          })}
          <li className="min-w-0">
            <button type="button" aria-haspopup="dialog" className="block w-full" onClick={() => setIsMoreOpen(true)}>
              <Tab isActive={isMoreActive} icon={ICONS.more} label={t('more')} />
            </button>
          </li>
        </ul>
      </nav>
      <MoreMenu {...props} isOpen={isMoreOpen} onClose={() => setIsMoreOpen(false)} />
    </>
  );
}
