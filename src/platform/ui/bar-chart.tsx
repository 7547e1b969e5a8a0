/**
 * Horizontal bars drawn on the server as SVG: readable without JavaScript, named for screen readers
 * (role="img" with a title and a description). The page shows the same figures in a table beside it,
 * the accessible alternative; each bar part also carries its figure as a tooltip.
 */

export type BarPart = { key: string; value: number; text: string };
export type BarRow = { key: string; label: string; parts: BarPart[] };
export type BarLegend = { key: string; label: string; colour: string };

export function BarChart({
  id,
  title,
  description,
  rows,
  legend,
  labelWidth = 220,
}: {
  /** Unique on the page: the title and description are referred to by id. */
  id: string;
  title: string;
  description: string;
  rows: BarRow[];
  /** The parts' colours and names, in the order they are stacked. */
  legend: BarLegend[];
  labelWidth?: number;
}) {
  const barHeight = 24;
  const gap = 34;
  const width = 720;
  const legendY = rows.length * gap + 16;
  const longest = Math.max(1, ...rows.map((r) => r.parts.reduce((n, p) => n + Math.max(0, p.value), 0)));
  const scale = (width - labelWidth - 10) / longest;
  const colour = (key: string) => legend.find((l) => l.key === key)?.colour ?? '#777';
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${legendY + 30}`}
      width="100%"
      className="bar-chart"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {rows.map((row, i) => {
        let x = labelWidth;
        return (
          <g key={row.key}>
            <text x={0} y={i * gap + 17} fontSize="13">
              {row.label}
            </text>
            {row.parts.map((part) => {
              const w = Math.max(0, part.value) * scale;
              const rect = (
                <rect
                  key={part.key}
                  x={x}
                  y={i * gap}
                  width={w}
                  height={barHeight}
                  fill={colour(part.key)}
                  stroke="#333"
                  strokeWidth={w > 0 ? 1 : 0}
                >
                  <title>{part.text}</title>
                </rect>
              );
              x += w;
              return rect;
            })}
          </g>
        );
      })}
      {legend.map((item, i) => (
        <g key={item.key} transform={`translate(${i * 170}, ${legendY})`}>
          <rect width={14} height={14} fill={item.colour} stroke="#333" />
          <text x={20} y={12} fontSize="13">
            {item.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
