// The sections of the app: on a phone the first three are tabs and the rest sit under More (tab-bar.tsx); on a wider
// screen all are in the header (app-header.tsx).
export const TAB_ITEMS = [
  { href: '/charge', label: 'charge' },
  { href: '/chargers', label: 'chargers' },
  { href: '/sessions', label: 'sessions' },
] as const;

export const MORE_ITEMS = [
  { href: '/dashboard', label: 'dashboard' },
  { href: '/statements', label: 'statements' },
  { href: '/cards', label: 'cards' },
  { href: '/circuits', label: 'circuits' },
  { href: '/customers', label: 'customers' },
  { href: '/payments', label: 'payments' },
  { href: '/profile', label: 'profile' },
] as const;

export const NAV_ITEMS = [MORE_ITEMS[0], ...TAB_ITEMS, ...MORE_ITEMS.slice(1)] as const;

// Sections of settings and people, for owners and co-owners; a driver or guest is sent away from them anyway.
const MANAGING_ONLY = new Set<string>(['/chargers', '/cards', '/circuits', '/customers']);

export function navItemsFor<Item extends { href: string }>(items: readonly Item[], canManage: boolean): Item[] {
  return items.filter((item) => canManage || !MANAGING_ONLY.has(item.href));
}

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
