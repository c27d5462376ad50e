'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { headerWidthOf, isActivePath, NAV_ITEMS } from './nav-items';

type Item = (typeof NAV_ITEMS)[number];

// A section under More only while the header is too narrow to show it in its row (nav-items.ts).
const UNDER_MORE_CLASS = { sm: 'hidden', md: 'md:hidden', xl: 'xl:hidden', never: '' } as const;

// More stands out while the page shown is a section under it, and only that long: below the width its section has a
// place in the row from.
const PLAIN = 'text-slate-600 hover:bg-slate-100 hover:text-slate-900';
const MORE_CLASS = {
  sm: PLAIN,
  md: 'text-brand-700 md:text-slate-600 md:hover:bg-slate-100 md:hover:text-slate-900',
  xl: 'text-brand-700 xl:text-slate-600 xl:hover:bg-slate-100 xl:hover:text-slate-900',
  never: 'text-brand-700',
} as const;

// The header's sections that do not fit its row: a button that opens a list below it. Escape or a click elsewhere
// closes it.
export function HeaderMoreMenu({ items }: { items: Item[] }) {
  const t = useTranslations('Nav');
  const pathname = usePathname();
  // Open on the page it was opened on: following one of its links closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  useEffect(() => {
    if (!isOpen) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpenOn(null);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen]);
  const active = items.find((item) => isActivePath(pathname, item.href));
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={isOpen}
        aria-controls={isOpen ? listId : undefined}
        onClick={() => setOpenOn(isOpen ? null : pathname)}
        className={`flex items-center gap-1 whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium ${active ? MORE_CLASS[headerWidthOf(active.href)] : PLAIN}`}
      >
        {t('more')}
        <svg viewBox="0 0 20 20" className={`size-4 transition-transform ${isOpen ? 'rotate-180' : ''}`} fill="currentColor" aria-hidden>
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      {isOpen && (
        <ul id={listId} className="absolute left-0 top-full z-30 mt-1 flex min-w-48 flex-col rounded-xl bg-white p-1 shadow-lg ring-1 ring-slate-200">
          {items.map((item) => {
            const isActive = isActivePath(pathname, item.href);
            return (
              <li key={item.href} className={UNDER_MORE_CLASS[headerWidthOf(item.href)]}>
                <Link
                  href={item.href}
                  aria-current={isActive ? 'page' : undefined}
                  className={`block rounded-lg px-3 py-2 text-sm font-medium ${isActive ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`}
                >
                  {t(item.label)}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
