import type { Point } from '@/domain/sessions/series';

type Scale = (value: number) => number;

export function linePath(points: Point[], x: Scale, y: Scale) {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.at).toFixed(1)},${y(point.value).toFixed(1)}`).join('');
}

export function areaPath(points: Point[], x: Scale, y: Scale, baseline: number) {
  if (points.length === 0) return '';
  const first = x(points[0]!.at).toFixed(1);
  const last = x(points.at(-1)!.at).toFixed(1);
  return `M${first},${baseline}${linePath(points, x, y).replace(/^M/, 'L')}L${last},${baseline}Z`;
}

export function nearest(points: Point[], at: number): Point | null {
  let best: Point | null = null;
  for (const point of points) if (!best || Math.abs(point.at - at) < Math.abs(best.at - at)) best = point;
  return best;
}
