import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';

// What the walk has made by the time it visits the pages that need it.
export type WalkIds = { mailId: string; chargerId: string; cardId: string; sessionId: string; inviteToken: string; circuitId: string };

// Who opens the page: nobody logged in, the account's owner, or a user holding an invitation.
export type Visitor = 'visitor' | 'owner' | 'invitee';

export type AppPage = {
  route: string;
  as: Visitor;
  path: (ids: WalkIds) => string;
  // The page also checked after an empty submit of its first form, with its errors showing.
  hasFormErrors?: boolean;
};

// Every page of the app, one entry per app/**/page.tsx (a test checks that none is missing).
export const APP_PAGES: AppPage[] = [
  { route: '/', as: 'visitor', path: () => '/' },
  { route: '/login', as: 'visitor', path: () => '/login', hasFormErrors: true },
  { route: '/login/verify', as: 'visitor', path: () => '/login/verify' },
  { route: '/register', as: 'visitor', path: () => '/register', hasFormErrors: true },
  { route: '/check-email', as: 'visitor', path: () => '/check-email' },
  { route: '/forgot-password', as: 'visitor', path: () => '/forgot-password', hasFormErrors: true },
  { route: '/reset-password', as: 'visitor', path: () => '/reset-password?token=not-a-token' },
  { route: '/activate', as: 'visitor', path: () => '/activate?token=not-a-token' },
  { route: '/mailbox', as: 'visitor', path: () => '/mailbox' },
  { route: '/mailbox/[id]', as: 'visitor', path: ({ mailId }) => `/mailbox/${mailId}` },
  { route: '/onboarding', as: 'owner', path: () => '/onboarding', hasFormErrors: true },
  { route: '/dashboard', as: 'owner', path: () => '/dashboard' },
  { route: '/charge', as: 'owner', path: () => '/charge' },
  { route: '/chargers', as: 'owner', path: () => '/chargers' },
  { route: '/chargers/new', as: 'owner', path: () => '/chargers/new', hasFormErrors: true },
  { route: '/chargers/[chargerId]', as: 'owner', path: ({ chargerId }) => `/chargers/${chargerId}` },
  { route: '/chargers/[chargerId]/why', as: 'owner', path: ({ chargerId }) => `/chargers/${chargerId}/why` },
  { route: '/chargers/meter-feed', as: 'owner', path: () => '/chargers/meter-feed', hasFormErrors: true },
  { route: '/cards', as: 'owner', path: () => '/cards' },
  { route: '/cards/new', as: 'owner', path: () => '/cards/new', hasFormErrors: true },
  { route: '/cards/[cardId]', as: 'owner', path: ({ cardId }) => `/cards/${cardId}` },
  { route: '/circuits', as: 'owner', path: () => '/circuits', hasFormErrors: true },
  { route: '/circuits/[circuitId]', as: 'owner', path: ({ circuitId }) => `/circuits/${circuitId}` },
  { route: '/customers', as: 'owner', path: () => '/customers', hasFormErrors: true },
  { route: '/sessions', as: 'owner', path: () => '/sessions' },
  { route: '/sessions/[sessionId]', as: 'owner', path: ({ sessionId }) => `/sessions/${sessionId}` },
  { route: '/sessions/tariff', as: 'owner', path: () => '/sessions/tariff', hasFormErrors: true },
  { route: '/statements', as: 'owner', path: () => '/statements' },
  { route: '/statements/[holder]', as: 'owner', path: ({ cardId }) => `/statements/card-${cardId}?from=2026-13-01&to=x` },
  { route: '/payments', as: 'owner', path: () => '/payments' },
  { route: '/payments/settings', as: 'owner', path: () => '/payments/settings' },
  { route: '/profile', as: 'owner', path: () => '/profile', hasFormErrors: true },
  { route: '/profile/security', as: 'owner', path: () => '/profile/security' },
  { route: '/invites/accept', as: 'invitee', path: ({ inviteToken }) => `/invites/accept?token=${inviteToken}` },
];

// The routes the app has, read from its page files: route groups such as (app) leave no trace in the URL.
export function routesOfTheApp(appDir: string): string[] {
  const files = readdirSync(appDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith(`${sep}page.tsx`) || file === 'page.tsx');
  return files
    .map((file) => join('/', file).split(sep).filter((part) => part && !/^\(.*\)$/.test(part) && part !== 'page.tsx'))
    .map((parts) => `/${parts.join('/')}`)
    .sort();
}
