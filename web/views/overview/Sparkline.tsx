// A small monthly trend line (SVG): readable without hover, with the first and last values labelled.
export function Sparkline({ values, labels, width = 300, height = 64 }: { values: number[]; labels: string[]; width?: number; height?: number }) {
  if (values.length < 2) return <p className="muted">Not enough data for a trend.</p>;
  const max = Math.max(1, ...values);
  const pad = 4;
  const x = (i: number): number => pad + (i * (width - 2 * pad)) / (values.length - 1);
  const y = (v: number): number => height - pad - (v / max) * (height - 2 * pad);
  const d = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const area = `${d}L${x(values.length - 1).toFixed(1)},${height - pad}L${x(0).toFixed(1)},${height - pad}Z`;
  const last = values[values.length - 1] ?? 0;
  return (
    <figure className="sparkline">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} role="img" aria-label={`Monthly incidents from ${labels[0]} to ${labels[labels.length - 1]}`}>
        <path d={area} fill="rgba(189, 0, 38, 0.10)" />
        <path d={d} fill="none" stroke="#bd0026" strokeWidth="1.8" />
        <circle cx={x(values.length - 1)} cy={y(last)} r="3" fill="#bd0026" />
      </svg>
      <figcaption>
        <span>{labels[0]}</span>
        <span>max {max} / month</span>
        <span>{labels[labels.length - 1]}: {last}</span>
      </figcaption>
    </figure>
  );
}
