// Inspector coverage gaps: mahallas nobody covers, inspectors beyond the norms, hot spots without the joint action
// they need. Three columns, each a count and the worst cases by name.
import type { ReactNode } from 'react';
import type { SlideProps } from './SlideFrame.tsx';
import { fmtInt, inspectorLabel } from '../../../format.ts';

// Three names a column: on a 16:9 wall screen at the required text size, more would run off the slide.
const SHOWN = 3;

/** One overload as read from across a room: the figure against its norm, e.g. "49 666 residents > 15 000". */
function overload(f: { norm: string; value: number; limit: number }): string {
  const what =
    f.norm === 'residents' ? 'residents' : f.norm === 'maxDistanceKm' ? 'km to the farthest mahalla' : 'incidents';
  return `${fmtInt(f.value)} ${what} > ${fmtInt(f.limit)}`;
}

function Column({
  title,
  count,
  of,
  none,
  children,
  testId,
}: {
  title: string;
  count: number;
  of: string;
  none: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <section className="gap-column" data-testid={testId}>
      <h2>{title}</h2>
      <p className="figure">
        <span className="big">{count}</span> <span className="was">{of}</span>
      </p>
      {count === 0 ? <p className="all-clear">{none}</p> : <ul>{children}</ul>}
    </section>
  );
}

export function CoverageSlide({ snap }: SlideProps) {
  const { coverage, gaps } = snap.ops;
  if (!coverage || !gaps) return null;
  const unassigned = [...coverage.unassigned].sort((a, b) => b.incidents - a.incidents);
  const ins = coverage.inspectors;
  const overloaded = ins.id
    .map((id, i) => ({
      id,
      name: inspectorLabel(ins.name[i], id),
      flags: ins.flags[i] ?? [],
      incidents: ins.incidents[i] ?? 0,
    }))
    .filter((x) => x.flags.length > 0)
    .sort((a, b) => b.flags.length - a.flags.length || b.incidents - a.incidents);
  const more = (n: number): ReactNode => (n > SHOWN ? <li className="more">and {n - SHOWN} more</li> : null);
  return (
    <div className="gaps">
      <Column
        title="Mahallas without an inspector"
        count={coverage.totals.unassigned}
        of={`of ${coverage.totals.mahallas}`}
        none="Every mahalla has an inspector."
        testId="gap-unassigned"
      >
        {unassigned.slice(0, SHOWN).map((m) => (
          <li key={m.id}>
            <span className="name">{m.name}</span>{' '}
            <span className="sub">
              {fmtInt(m.population)} residents · {m.incidents} incidents
            </span>
          </li>
        ))}
        {more(unassigned.length)}
      </Column>
      <Column
        title="Overloaded inspectors"
        count={coverage.totals.overloaded}
        of={`of ${coverage.totals.inspectors}`}
        none="No territory exceeds the norms."
        testId="gap-overloaded"
      >
        {overloaded.slice(0, SHOWN).map((x) => (
          <li key={x.id}>
            <span className="name">{x.name}</span> <span className="sub">{x.flags.map(overload).join(' · ')}</span>
          </li>
        ))}
        {more(overloaded.length)}
      </Column>
      <Column
        title="Hot spots without needed joint action"
        count={gaps.gaps.length}
        of={`of ${gaps.hot} hot spots, last ${gaps.params.days} days`}
        none="Every hot spot had its joint actions."
        testId="gap-cooperation"
      >
        {gaps.gaps.slice(0, SHOWN).map((g) => (
          <li key={g.id}>
            <span className="name">{g.name}</span>{' '}
            <span className="sub">no {g.missing.map((m) => m.label).join(', ')}</span>
          </li>
        ))}
        {more(gaps.gaps.length)}
      </Column>
    </div>
  );
}
