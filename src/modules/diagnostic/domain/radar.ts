/**
 * Geometry of the radar chart, shared by the web page (SVG) and the PDF report: one axis per dimension,
 * the first pointing up, then clockwise; scores 0–100 along each axis.
 */
export type Point = { x: number; y: number };

export function axisPoint(index: number, count: number, value: number, center: Point, radius: number): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  const r = (radius * Math.max(0, Math.min(100, value))) / 100;
  return { x: round(center.x + r * Math.cos(angle)), y: round(center.y + r * Math.sin(angle)) };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function polygon(values: number[], center: Point, radius: number): Point[] {
  return values.map((v, i) => axisPoint(i, values.length, v, center, radius));
}

/** Reference rings (25, 50, 75, 100) as polygons. */
export function rings(count: number, center: Point, radius: number): { level: number; points: Point[] }[] {
  return [25, 50, 75, 100].map((level) => ({
    level,
    points: Array.from({ length: count }, (_, i) => axisPoint(i, count, level, center, radius)),
  }));
}

/** Where an axis label goes, just beyond the outer ring, and how to anchor it. */
export function labelPlacement(index: number, count: number, center: Point, radius: number) {
  const p = axisPoint(index, count, 100, center, radius + 14);
  const dx = p.x - center.x;
  const anchor = Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end';
  return { ...p, anchor } as const;
}

export const toSvgPoints = (points: Point[]) => points.map((p) => `${p.x},${p.y}`).join(' ');
