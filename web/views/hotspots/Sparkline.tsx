// A small line chart (SVG) readable without hover: first and last values labelled, and a zero line when values go
// negative (z-scores). No significance lines: a class decided by a false discovery rate has no fixed threshold.
import { useT } from '../../i18n/I18n.tsx';

export interface SparklineProps {
  values: number[];
  labels: string[];
  width?: number;
  height?: number;
  /** how the last value is written */
  format?: (v: number) => string;
  caption?: string;
}

export function Sparkline({ values, labels, width = 300, height = 64, format = String, caption }: SparklineProps) {
  const t = useT();
  if (values.length < 2) return <p className="muted">{t('spark.notEnough')}</p>;
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const pad = 4;
  const x = (i: number): number => pad + (i * (width - 2 * pad)) / (values.length - 1);
  const y = (v: number): number => height - pad - ((v - lo) / (hi - lo)) * (height - 2 * pad);
  const d = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const base = y(0).toFixed(1);
  const area = `${d}L${x(values.length - 1).toFixed(1)},${base}L${x(0).toFixed(1)},${base}Z`;
  const last = values[values.length - 1] ?? 0;
  return (
    <figure className="sparkline">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        height={height}
        role="img"
        aria-label={t('spark.aria', {
          caption: caption ?? t('spark.series'),
          from: labels[0] ?? '',
          to: labels[labels.length - 1] ?? '',
        })}
      >
        <path d={area} fill="rgba(189, 0, 38, 0.10)" />
        {lo < 0 && <line x1={pad} x2={width - pad} y1={base} y2={base} stroke="#8a949e" strokeWidth="0.8" />}
        <path d={d} fill="none" stroke="#bd0026" strokeWidth="1.8" />
        <circle cx={x(values.length - 1)} cy={y(last)} r="3" fill="#bd0026" />
      </svg>
      <figcaption>
        <span>{labels[0]}</span>
        {caption && <span>{caption}</span>}
        <span>
          {labels[labels.length - 1]}: {format(last)}
        </span>
      </figcaption>
    </figure>
  );
}
