// The applications flow channel → registry → receiver → service as a Sankey diagram (SVG, laid out by sankey.ts).
import { useMemo } from 'react';
import type { ApplicationsFlow } from '../../queries/applications.ts';
import { useFmt, useT } from '../../i18n/I18n.tsx';
import { labelOf, type Dimension } from './labels.ts';
import { headingLines, sankeyLayout } from './sankey.ts';

const WIDTH = 520;
const HEIGHT = 320;
/** Room right of the last stage for its labels. */
const LABEL_ROOM = 150;
/** Room above the nodes for the stage headings: two lines of 10 px capitals. */
const TOP = 30;
/** Characters of a heading line that fit between two stages (120 units of 10 px capitals). */
const HEADING_CHARS = 14;
/** The stages, titled by their dimension (`applications.dim.<dim>`). */
const STAGES: ReadonlyArray<{ dim: Dimension }> = [
  { dim: 'channel' },
  { dim: 'registry' },
  { dim: 'receiver' },
  { dim: 'service' },
];
/** One hue per stage; bands take their source stage's hue. */
const STAGE_COLORS = ['#4e79a7', '#76b7b2', '#f28e2b', '#59a14f'];

const keyOf = (code: string | null): string => code ?? 'null';

export function FlowSankey({ flow }: { flow: ApplicationsFlow }) {
  const t = useT();
  const f = useFmt();
  const layout = useMemo(() => {
    const rows = [flow.byChannel, flow.byRegistry, flow.byReceiver, flow.byService];
    return sankeyLayout(
      {
        stages: rows.map((r, s) =>
          r.map((x) => ({ key: keyOf(x.code), label: labelOf(STAGES[s]!.dim, x.code, true, t), n: x.n })),
        ),
        links: [flow.links.channelRegistry, flow.links.registryReceiver, flow.links.receiverService].map((ls) =>
          ls.map((l) => ({ from: keyOf(l.from), to: keyOf(l.to), n: l.n })),
        ),
      },
      WIDTH - LABEL_ROOM,
      HEIGHT - TOP,
    );
  }, [flow, t]);
  if (flow.total.n === 0) return <p className="muted">{t('applications.noneArrived')}</p>;
  return (
    <figure className="appl-sankey" data-testid="flow-sankey">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('applications.sankeyAria', { n: f.int(flow.total.n) })}
      >
        {STAGES.map((s, k) => (
          <text key={s.dim} y={10} className="appl-stage">
            {headingLines(t(`applications.dim.${s.dim}`), HEADING_CHARS).map((line, i) => (
              <tspan key={i} x={((WIDTH - LABEL_ROOM - 10) * k) / (STAGES.length - 1)} dy={i === 0 ? 0 : 11}>
                {line}
              </tspan>
            ))}
          </text>
        ))}
        <g transform={`translate(0, ${TOP})`}>
          {layout.bands.map((b) => (
            <path
              key={`${b.stage}:${b.from}>${b.to}`}
              d={b.path}
              fill="none"
              stroke={STAGE_COLORS[b.stage]}
              strokeOpacity={0.28}
              strokeWidth={Math.max(0.5, b.width)}
            >
              <title>{t('applications.band', { count: b.n, n: f.int(b.n) })}</title>
            </path>
          ))}
        </g>
        <g transform={`translate(0, ${TOP})`}>
          {layout.nodes.map((n) => (
            <g key={`${n.stage}:${n.key}`}>
              <rect x={n.x} y={n.y} width={10} height={Math.max(1, n.h)} fill={STAGE_COLORS[n.stage]} rx={1.5} />
              {/* Tall nodes get the count on a second line (the columns are narrow); small ones only a name. */}
              {n.h >= 24 ? (
                <text x={n.x + 14} y={n.y + n.h / 2 - 6} dominantBaseline="middle" className="appl-node-label">
                  {n.label}
                  <tspan x={n.x + 14} dy={13} className="appl-node-n">
                    {f.int(n.n)}
                  </tspan>
                </text>
              ) : n.h >= 9 ? (
                <text x={n.x + 14} y={n.y + n.h / 2} dominantBaseline="middle" className="appl-node-label">
                  {n.label}
                </text>
              ) : null}
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="muted">{t('applications.sankeyNote')}</figcaption>
    </figure>
  );
}
