'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { isActivePath } from './nav-items';

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const isActive = isActivePath(pathname, href);
  return (
    <Link
      href={href}
      aria-current={isActive ? 'page' : undefined}
      className={`whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium ${
        isActive ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
      }`}
    >
      {children}
    </Link>
  );
}
