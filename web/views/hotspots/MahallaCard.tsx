// The card of a clicked mahalla: its numbers for the period, its inspector, its trend.
import { useEmerging, useMahallaCard } from '../../queries/hotspots.ts';
import { can, useSession } from '../../queries/session.ts';
import type { RangeArgs } from '../../queries/range.ts';
import { update } from '../../state/store.ts';
import { fmtInt, inspectorLabel } from '../../format.ts';
import { codeLabel, noun } from './records.ts';
import { Sparkline } from './Sparkline.tsx';
import { RecordList } from './RecordList.tsx';
import { WeekHourMatrix } from './WeekHourMatrix.tsx';
import { lengthDays, type Period } from '../../../server/shared/period.ts';
import { changePercent, MIN_EVENTS } from '../../../server/shared/poisson-compare.ts';

/** The change against the comparison period, per day when the two differ in length (29 February). */
function changeText(c: { count: number; prev: number; period: Period; previous: Period }, year: boolean): string {
  const against = year ? 'same days last year' : 'previous period';
  const [n, p] = [c.count, c.prev];
  if (n + p < MIN_EVENTS) return `${n} vs ${p} in the ${against} (too few to compare)`;
  const [t1, t0] = [lengthDays(c.period), lengthDays(c.previous)];
  const pct = changePercent(n, p, t1, t0);
  const sign = pct >= 0 ? '+' : '';
  if (t1 === t0) return `${sign}${pct.toFixed(0)} % vs ${against} (${p})`;
  return `${sign}${pct.toFixed(0)} % a day vs ${against} (${n} in ${t1} days against ${p} in ${t0}: 29 February)`;
}

export function MahallaCard({ id, range }: { id: number; range: RangeArgs }) {
  const session = useSession();
  const card = useMahallaCard(id, range);
  const c = card.data;
  const emerging = useEmerging(range, id);
  return (
    <article className="card" data-testid="mahalla-card" aria-live="polite">
      <button type="button" className="close" aria-label="Close card" onClick={() => update({ selected: null })}>
        ×
      </button>
      {card.error && <p role="alert">Could not load this mahalla: {card.error.message}</p>}
      {!c && !card.error && <p className="muted">Loading…</p>}
      {c && (
        <>
          <header>
            <h2 data-testid="card-title">{c.name}</h2>
            <p className="muted">
              {c.districtName} · code {c.code}
              {c.synthetic && <span className="badge demo small">demo</span>}
            </p>
          </header>
          <dl className="figures">
            <div>
              <dt>{noun(range.source ?? 'incidents').title}</dt>
              <dd data-testid="card-count">{fmtInt(c.count)}</dd>
            </div>
            <div>
              <dt>Per 1,000 residents</dt>
              <dd>{c.rate.toFixed(1)}</dd>
            </div>
            <div>
              <dt>Rank in district</dt>
              <dd>
                {c.districtRank} / {c.districtMahallas}
              </dd>
            </div>
          </dl>
          <p className="change">{changeText(c, range.compare === 'year')}</p>
          <dl className="facts">
            <div>
              <dt>Residents</dt>
              <dd>{fmtInt(c.population)}</dd>
            </div>
            <div>
              <dt>Households</dt>
              <dd>{fmtInt(c.households)}</dd>
            </div>
            <div>
              <dt>Area</dt>
              <dd>{c.areaKm2.toFixed(2)} km²</dd>
            </div>
          </dl>
          <section className="inspector" data-testid="card-inspector">
            <h3>Prevention inspector</h3>
            {c.inspector ? (
              <p>
                <strong>
                  {c.inspector.name === null
                    ? inspectorLabel(null, c.inspector.id)
                    : `${c.inspector.rank ?? ''} ${c.inspector.name}`}
                </strong>
                <br />
                {c.inspector.mahallas} mahalla{c.inspector.mahallas === 1 ? '' : 's'} · {c.inspector.basePoint}
              </p>
            ) : (
              <p className="warn">No inspector assigned to this mahalla</p>
            )}
          </section>
          <section>
            <h3>Monthly {noun(range.source ?? 'incidents').plural}, whole record</h3>
            <Sparkline
              values={c.trend.map((t) => t.count)}
              labels={c.trend.map((t) => t.month)}
              caption={`max ${Math.max(0, ...c.trend.map((t) => t.count))} / month`}
            />
          </section>
          <EmergingBadge data={emerging.data} error={emerging.error} id={id} />
          <section>
            <h3>Weekday × hour (period)</h3>
            <WeekHourMatrix cells={c.weekHour} />
          </section>
          {c.byCategory.length > 0 && (
            <section>
              <h3>By category (period)</h3>
              <ul className="bars">
                {c.byCategory.slice(0, 6).map((b) => (
                  <li key={b.category}>
                    <span>{codeLabel(b.category)}</span>
                    <span
                      className="bar"
                      style={{ width: `${(b.count / Math.max(1, c.byCategory[0]?.count ?? 1)) * 100}%` }}
                    />
                    <span className="n">{b.count}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {can(session.data, 'locations') ? (
            <RecordList
              key={`${id}|${range.from}|${range.to}|${range.categories.join()}|${range.statuses.join()}`}
              id={id}
              range={range}
            />
          ) : (
            <p className="muted small" data-testid="records-withheld">
              The records behind these figures (places and times) are for roles that work with them; yours sees the
              figures.
            </p>
          )}
        </>
      )}
    </article>
  );
}

type EmergingData = ReturnType<typeof useEmerging>['data'];

/** The mahalla's emerging hot spot class for the period, how it was tested, its weekly z-equivalents and the rule. */
function EmergingBadge({ data, error, id }: { data: EmergingData; error: Error | null; id: number }) {
  if (error) return <p className="muted">Hot-spot trend: {error.message.replace(/^400 from: /, '')}</p>;
  if (!data) return null;
  const k = data.ids.indexOf(id);
  const code = data.category[k] ?? 0;
  const cls = data.classes[code];
  const kind = code === 0 ? 'none' : code <= 8 ? 'hot' : 'cold';
  const what = data.params.source === 'applications' ? 'applications' : 'incidents';
  return (
    <section data-testid="card-emerging">
      <h3>Hot-spot trend, {data.params.bin === 'month' ? 'monthly' : 'weekly'}</h3>
      {data.tooFew ? (
        <p className="muted" data-testid="card-emerging-too-few">
          Not tested: too few {what} in {data.tooFew.bins} of {data.params.bins} {data.params.bin}s.
        </p>
      ) : (
        <span className={`badge trend ${kind}`}>{cls?.label ?? 'No pattern detected'}</span>
      )}
      <p className="muted small" data-testid="card-emerging-method">
        Each {data.params.bin}: {what} here and in the touching mahallas against what their residents explain if
        everyone ran the same risk; exact test, compared with all of {data.params.inference.studyAreaName}, false
        discovery rate {Math.round((data.params.inference.fdr?.q ?? 0) * 100)} %.
      </p>
      {data.series && (
        <Sparkline
          values={data.series.z}
          labels={data.series.binStarts}
          format={(v) => `z ${v.toFixed(1)}`}
          caption="z per week"
        />
      )}
      {data.series && (
        <p className="muted small" data-testid="card-emerging-rule">
          Above 0: more than expected that week. A week counts as hot or cold only when it passes the false discovery
          rate test over all mahallas that week, so no fixed line on this chart marks it.
        </p>
      )}
    </section>
  );
}
