// The card of a clicked mahalla: its numbers for the period, its inspector, its trend.
import { useRef } from 'react';
import { useEmerging, useMahallaCard } from '../../queries/hotspots.ts';
import { can, useSession } from '../../queries/session.ts';
import type { RangeArgs } from '../../queries/range.ts';
import { update } from '../../state/store.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { emergingClassLabel } from '../../map/emerging-view.ts';
import { areaName } from '../../map/inference-text.ts';
import { codeLabel } from './records.ts';
import { rankLabel } from '../coverage/labels.ts';
import { Sparkline } from './Sparkline.tsx';
import { RecordList } from './RecordList.tsx';
import { WeekHourMatrix } from './WeekHourMatrix.tsx';
import { changeText } from './change-text.ts';
import { useKeepPickVisible, usePanelFocus } from '../common/panel-focus.ts';

export function MahallaCard({ id, range }: { id: number; range: RangeArgs }) {
  const session = useSession();
  const card = useMahallaCard(id, range);
  const c = card.data;
  const emerging = useEmerging(range, id);
  const t = useT();
  const said = useApiErrors();
  const f = useFmt();
  const nameOf = useNameOf();
  const source = range.source ?? 'incidents';
  const panel = useRef<HTMLElement>(null);
  usePanelFocus(panel, () => update({ selected: null }));
  useKeepPickVisible(panel);
  return (
    <article className="card" data-testid="mahalla-card" aria-live="polite" ref={panel} tabIndex={-1}>
      <button type="button" className="close" aria-label={t('card.close')} onClick={() => update({ selected: null })}>
        ×
      </button>
      {card.error && <p role="alert">{t('card.failed', { reason: said.error(card.error) })}</p>}
      {!c && !card.error && <p className="muted">{t('card.loading')}</p>}
      {c && (
        <>
          <header>
            <h2 data-testid="card-title">{nameOf(c.name)}</h2>
            <p className="muted">
              {t('card.code', { district: nameOf(c.districtName), code: c.code })}
              {c.synthetic && <span className="badge demo small">{t('card.demo')}</span>}
            </p>
          </header>
          <dl className="figures">
            <div>
              <dt>{t('records.title', { source })}</dt>
              <dd data-testid="card-count">{f.int(c.count)}</dd>
            </div>
            <div>
              <dt>{t('card.per1000')}</dt>
              <dd>{f.decimal(c.rate, 1)}</dd>
            </div>
            <div>
              <dt>{t('card.rank')}</dt>
              <dd>
                {c.districtRank} / {c.districtMahallas}
              </dd>
            </div>
          </dl>
          <p className="change">{changeText(c, range.compare === 'year', t, f)}</p>
          <dl className="facts">
            <div>
              <dt>{t('card.residents')}</dt>
              <dd>{f.int(c.population)}</dd>
            </div>
            <div>
              <dt>{t('card.households')}</dt>
              <dd>{f.int(c.households)}</dd>
            </div>
            <div>
              <dt>{t('card.area')}</dt>
              <dd>{t('coverage.card.km2', { n: f.decimal(c.areaKm2, 2) })}</dd>
            </div>
          </dl>
          <section className="inspector" data-testid="card-inspector">
            <h3>{t('card.inspector')}</h3>
            {c.inspector ? (
              <p>
                <strong>
                  {c.inspector.name === null
                    ? f.inspector(null, c.inspector.id)
                    : `${c.inspector.rank ? `${rankLabel(c.inspector.rank, t)} ` : ''}${nameOf(c.inspector.name)}`}
                </strong>
                <br />
                {t('card.inspectorMahallas', { count: c.inspector.mahallas })} ·{' '}
                <span data-testid="card-base-point">{nameOf(c.inspector.basePoint)}</span>
              </p>
            ) : (
              <p className="warn">{t('card.noInspector')}</p>
            )}
          </section>
          <section>
            <h3>{t('card.monthly', { source })}</h3>
            <Sparkline
              values={c.trend.map((m) => m.count)}
              labels={c.trend.map((m) => f.month(m.month))}
              caption={t('card.maxPerMonth', { n: f.int(Math.max(0, ...c.trend.map((m) => m.count))) })}
            />
          </section>
          <EmergingBadge data={emerging.data} error={emerging.error} id={id} />
          <section>
            <h3>{t('card.weekHour')}</h3>
            <WeekHourMatrix cells={c.weekHour} />
          </section>
          {c.byCategory.length > 0 && (
            <section>
              <h3>{t('card.byCategory')}</h3>
              <ul className="bars">
                {c.byCategory.slice(0, 6).map((b) => (
                  <li key={b.category}>
                    <span>{codeLabel(b.category, t)}</span>
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
              {t('card.withheld')}
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
  const t = useT();
  const said = useApiErrors();
  const f = useFmt();
  if (error) return <p className="muted">{t('card.trendFailed', { reason: said.error(error) })}</p>;
  if (!data) return null;
  const k = data.ids.indexOf(id);
  const code = data.category[k] ?? 0;
  const cls = data.classes[code];
  const kind = code === 0 ? 'none' : code <= 8 ? 'hot' : 'cold';
  const source = data.params.source === 'applications' ? 'applications' : 'incidents';
  const bin = data.params.bin;
  return (
    <section data-testid="card-emerging">
      <h3>{t('card.trendTitle', { bin })}</h3>
      {data.tooFew ? (
        <p className="muted" data-testid="card-emerging-too-few">
          {t('card.trendTooFew', { source, thin: data.tooFew.bins, bins: data.params.bins, bin })}
        </p>
      ) : (
        <span className={`badge trend ${kind}`}>{emergingClassLabel(cls, t) ?? t('emerging.none')}</span>
      )}
      <p className="muted small" data-testid="card-emerging-method">
        {t('card.trendMethod', {
          bin,
          source,
          area: areaName(data.params.inference, t),
          q: Math.round((data.params.inference.fdr?.q ?? 0) * 100),
        })}
      </p>
      {data.series && (
        <Sparkline
          values={data.series.z}
          labels={data.series.binStarts.map(f.axisDay)}
          format={(v) => `z ${f.decimal(v, 1)}`}
          caption={t('card.zPerWeek')}
        />
      )}
      {data.series && (
        <p className="muted small" data-testid="card-emerging-rule">
          {t('card.trendRule')}
        </p>
      )}
    </section>
  );
}
