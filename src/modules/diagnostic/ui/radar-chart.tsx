import { polygon, radarLayout, rings, toSvgPoints } from '../domain/radar.ts';

type Series = { label: string; values: number[]; kind: 'current' | 'before' };

/**
 * The dimensions' scores as a radar chart, in SVG drawn on the server (no script needed). It is an
 * image with a text alternative; the table next to it gives the same figures.
 */
export function RadarChart({ axes, series, title }: { axes: string[]; series: Series[]; title: string }) {
  const center = { x: 0, y: 0 };
  const radius = 100;
  const fontSize = 12;
  // Short lines keep the box narrow: on a 320 px phone the labels still read at about 8 px.
  const { labels, viewBox } = radarLayout(axes, { center, radius, fontSize, lineLength: 14 });
  const alt = `${title} ${series
    .map((s) => `${s.label} : ${axes.map((a, i) => `${a} ${Math.round(s.values[i] ?? 0)}`).join(', ')}`)
    .join(' ; ')}`;
  return (
    <svg
      className="radar"
      viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
      role="img"
      aria-label={alt}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{alt}</title>
      {rings(axes.length, center, radius).map((ring) => (
        <polygon
          key={`ring-${ring.level}`}
          points={toSvgPoints(ring.points)}
          fill="none"
          stroke="#8a8a8a"
          strokeWidth={ring.level === 100 ? 1.5 : 0.75}
        />
      ))}
      {rings(axes.length, center, radius)
        .at(-1)!
        .points.map((p, i) => (
          <line
            key={`axis-${axes[i]}`}
            x1={center.x}
            y1={center.y}
            x2={p.x}
            y2={p.y}
            stroke="#8a8a8a"
            strokeWidth={0.75}
          />
        ))}
      {series.map((s) => (
        <polygon
          key={s.kind}
          points={toSvgPoints(polygon(s.values, center, radius))}
          fill={s.kind === 'current' ? '#0b4f8a' : 'none'}
          fillOpacity={s.kind === 'current' ? 0.25 : 0}
          stroke={s.kind === 'current' ? '#0b4f8a' : '#8a5a00'}
          strokeWidth={2.5}
          strokeDasharray={s.kind === 'before' ? '6 4' : undefined}
        />
      ))}
      {labels.map((label, i) => (
        <text
          key={`label-${axes[i]}`}
          x={label.x}
          y={label.firstLineY}
          textAnchor={label.anchor}
          dominantBaseline="middle"
          fontSize={fontSize}
          fill="#1a1a1a"
        >
          {label.lines.map((line, n) => (
            <tspan key={line} x={label.x} dy={n === 0 ? undefined : '1.2em'}>
              {line}
            </tspan>
          ))}
        </text>
      ))}
    </svg>
  );
}
