import { z } from 'zod';
import type { SessionFilters } from '@/domain/data/session-sql';
import { isoDay, pageField } from '@/lib/validation';

// Links are shared and edited by hand: a value that does not parse is dropped, never an error page.
const day = isoDay().optional().catch(undefined);
const id = z.uuid().optional().catch(undefined);

export const sessionFiltersSchema = z.object({
  from: day,
  to: day,
  chargerId: id,
  userId: id,
  cardId: id,
  page: pageField,
}) satisfies z.ZodType<SessionFilters>;
export type { SessionFilters };

type SearchParams = Record<string, string | string[] | undefined>;

export function parseSessionFilters(params: SearchParams | URLSearchParams): SessionFilters {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const single = Object.fromEntries(entries.map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return sessionFiltersSchema.parse(single);
}

export function filtersQuery(filters: Partial<SessionFilters>, { withPage = true } = {}): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'chargerId', 'userId', 'cardId'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (withPage && filters.page && filters.page > 1) params.set('page', String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function hasFilters(filters: SessionFilters) {
  return Boolean(filters.from || filters.to || filters.chargerId || filters.userId || filters.cardId);
}
