// The sections of the app: on a phone the first three are tabs and the rest sit under More (tab-bar.tsx); on a wider
// screen all are in the header (app-header.tsx).
export const TAB_ITEMS = [
  { href: '/charge', label: 'charge' },
  { href: '/chargers', label: 'chargers' },
  { href: '/sessions', label: 'sessions' },
] as const;

export const MORE_ITEMS = [
  { href: '/dashboard', label: 'dashboard' },
  { href: '/cards', label: 'cards' },
  { href: '/customers', label: 'customers' },
  { href: '/profile', label: 'profile' },
] as const;

export const NAV_ITEMS = [MORE_ITEMS[0], ...TAB_ITEMS, ...MORE_ITEMS.slice(1)] as const;

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
