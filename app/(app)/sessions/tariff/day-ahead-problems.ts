import type { FeedProblem } from '@/domain/data/day-ahead';
import type { ValidationKey } from '@/lib/action-result';

const KEYS: Record<FeedProblem, ValidationKey> = {
  empty: 'dayAheadEmpty',
  tooLarge: 'dayAheadTooLarge',
  notJson: 'dayAheadNotJson',
  header: 'dayAheadHeader',
  start: 'dayAheadStart',
  notWholeHour: 'dayAheadNotWholeHour',
  price: 'dayAheadPrice',
  duplicate: 'dayAheadDuplicate',
  tooMany: 'dayAheadTooMany',
  unreachable: 'dayAheadUnreachable',
  httpStatus: 'dayAheadHttpStatus',
  notAllowed: 'dayAheadNotPublic',
};

export function dayAheadProblemKey(problem: string): ValidationKey {
  return KEYS[problem as FeedProblem] ?? 'dayAheadUnreachable';
}
