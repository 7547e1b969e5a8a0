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

const LABEL_GAP = 14;

/** Where an axis label goes, just beyond the outer ring, and how to anchor it. */
export function labelPlacement(index: number, count: number, center: Point, radius: number) {
  const p = axisPoint(index, count, 100, center, radius + LABEL_GAP);
  const dx = p.x - center.x;
  const anchor = Math.abs(dx) < 1 ? 'middle' : dx > 0 ? 'start' : 'end';
  return { ...p, anchor } as const;
}

export const toSvgPoints = (points: Point[]) => points.map((p) => `${p.x},${p.y}`).join(' ');

/** A label cut between words into lines of at most `width` characters; a longer word keeps a line to itself. */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

type LabelBlock = {
  lines: string[];
  x: number;
  firstLineY: number;
  anchor: 'start' | 'middle' | 'end';
};
type Box = { x: number; y: number; width: number; height: number };

/**
 * The wrapped axis labels and the view box that holds the chart, centred, and every label in full with
 * an em of room around it, so that no label is cut or touches the edge however narrow the screen the
 * SVG is scaled to. A server cannot measure text: a
 * character is taken as 0.65 em wide, more than words average in the usual sans-serif fonts (DejaVu Sans,
 * the widest, comes near 0.6), so the box errs on the roomy side.
 */
export function radarLayout(
  axes: string[],
  {
    center,
    radius,
    fontSize,
    lineLength,
  }: { center: Point; radius: number; fontSize: number; lineLength: number },
): { labels: LabelBlock[]; viewBox: Box } {
  const lineHeight = fontSize * 1.2;
  const edges = {
    left: center.x - radius,
    right: center.x + radius,
    top: center.y - radius,
    bottom: center.y + radius,
  };
  const labels = axes.map((axis, i) => {
    const lines = wrapLabel(axis, lineLength);
    const place = labelPlacement(i, axes.length, center, radius);
    const width = Math.max(...lines.map((line) => line.length)) * fontSize * 0.65;
    const height = lines.length * lineHeight;
    // Centred beside the chart, a block rises above its point at the top and hangs below it at the bottom.
    const direction = (place.y - center.y) / (radius + LABEL_GAP);
    const top = place.y - height / 2 + (direction * height) / 2;
    const left =
      place.anchor === 'start' ? place.x : place.anchor === 'end' ? place.x - width : place.x - width / 2;
    edges.left = Math.min(edges.left, left);
    edges.right = Math.max(edges.right, left + width);
    edges.top = Math.min(edges.top, top);
    edges.bottom = Math.max(edges.bottom, top + height);
    return { lines, x: place.x, firstLineY: round(top + lineHeight / 2), anchor: place.anchor };
  });
  // The chart in the middle of its box: the labels on the right get the room of the wider ones on the
  // left, and with a clear em around them none ends at the screen's edge when the SVG fills a phone.
  const half = Math.max(center.x - edges.left, edges.right - center.x);
  edges.left = center.x - half;
  edges.right = center.x + half;
  const margin = fontSize;
  return {
    labels,
    viewBox: {
      x: round(edges.left - margin),
      y: round(edges.top - margin),
      width: round(edges.right - edges.left + 2 * margin),
      height: round(edges.bottom - edges.top + 2 * margin),
    },
  };
}
