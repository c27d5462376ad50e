// The sections of the app: on a phone the first three are tabs and the rest sit under More (tab-bar.tsx); on a wider
// screen the header shows as many as its width holds and keeps the rest under its own More (app-header.tsx).
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

// From which width a section stands in the header's own row; narrower, it is under the header's More. The seed's
// steps (chargers, cards, customers) come first; the profile is always under More.
export type HeaderWidth = 'sm' | 'md' | 'xl' | 'never';
const HEADER_WIDTH: Record<(typeof NAV_ITEMS)[number]['href'], HeaderWidth> = {
  '/charge': 'sm',
  '/chargers': 'sm',
  '/sessions': 'sm',
  '/dashboard': 'md',
  '/cards': 'md',
  '/customers': 'md',
  '/statements': 'xl',
  '/circuits': 'xl',
  '/payments': 'xl',
  '/profile': 'never',
};

export function headerWidthOf(href: (typeof NAV_ITEMS)[number]['href']): HeaderWidth {
  return HEADER_WIDTH[href];
}

// Sections of settings and people, for owners and co-owners; a driver or guest is sent away from them anyway.
const MANAGING_ONLY = new Set<string>(['/chargers', '/cards', '/circuits', '/customers']);

export function navItemsFor<Item extends { href: string }>(items: readonly Item[], canManage: boolean): Item[] {
  return items.filter((item) => canManage || !MANAGING_ONLY.has(item.href));
}

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
