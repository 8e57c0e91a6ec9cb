// The applications page: applications per mahalla on the map, and for the district (or a clicked mahalla) the flow
// channel → registry → receiver → service, open and overdue, resolution time and the district-vs-country panel.
// The measure and the clicked mahalla (the store's shared `selected`) live in the UI store, so a link reopens both.
import { useCallback, useMemo } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import type { FeatureCollection, Geometry } from 'geojson';
import { useMeta } from '../../queries/meta.ts';
import { useMahallas } from '../../queries/mahallas.ts';
import { mahallaOutlines } from '../../map/mahalla-layers.ts';
import { useSelection } from '../../queries/range.ts';
import { useApplicationsByMahalla, useApplicationsFlow } from '../../queries/applications.ts';
import { update, useUi } from '../../state/store.ts';
import { APPL_MEASURES, type ApplMeasure } from '../../state/url.ts';
import { BaseMap } from '../../map/BaseMap.tsx';
import { css } from '../../map/colors.ts';
import { DistrictSection, PeriodSection } from '../common/PeriodSection.tsx';
import { fmtInt, formatDay } from '../../format.ts';
import { APPLICATION_LAYER_IDS, buildApplicationLayers, measureScale } from './layers.ts';
import { FlowSankey } from './FlowSankey.tsx';
import { Breakdown } from './Breakdown.tsx';
import { NationalPanel } from './NationalPanel.tsx';
import './applications.css';
import { LoadState } from '../common/LoadState.tsx';

const PICK = [APPLICATION_LAYER_IDS.fill];
const MEASURE_LABELS: Record<ApplMeasure, string> = { count: 'Arrived', open: 'Still open', overdue: 'Overdue' };
type Props = { id: number; name: string; districtSoato: string };

export function ApplicationsPage() {
  const meta = useMeta();
  const range = useSelection();
  const district = useUi((s) => s.district);
  const measure = useUi((s) => s.applMeasure);
  const selected = useUi((s) => s.selected);
  // Every district's mahallas as context around the chosen one; the counts per mahalla are the district's alone.
  const territories = useMahallas(null);
  const perMahalla = useApplicationsByMahalla(range);
  const flow = useApplicationsFlow(range, selected);
  const features = territories.data as FeatureCollection<Geometry, Props> | undefined;
  // The link carries only the id; the name comes from the boundaries (null until they load).
  const mahallaName = useMemo(
    () => features?.features.find((f) => f.properties.id === selected)?.properties.name ?? null,
    [features, selected],
  );

  const { values, scale } = useMemo(() => {
    const m = new Map<number, number>();
    const d = perMahalla.data;
    d?.ids.forEach((id, k) => m.set(id, d[measure][k] ?? 0));
    return { values: m, scale: measureScale(measure, m.values()) };
  }, [perMahalla.data, measure]);
  const outlines = useMemo(() => mahallaOutlines(features, true), [features]);
  const layers = useMemo(
    () =>
      buildApplicationLayers(
        { mahallas: features, values, scale },
        {
          selected,
          valuesKey: `${measure}|${perMahalla.data?.period.from ?? ''}|${perMahalla.data?.period.to ?? ''}|${district ?? ''}`,
        },
      ),
    [features, values, scale, selected, measure, perMahalla.data, district],
  );
  const onPick = useCallback((object: unknown) => {
    const p = (object as { properties?: Props } | null)?.properties;
    update({ selected: p ? p.id : null });
  }, []);
  const tooltip = useCallback(
    ({ object }: PickingInfo) => {
      const p = (object as { properties?: Props } | null)?.properties;
      return p ? `${p.name}\n${MEASURE_LABELS[measure]}: ${fmtInt(values.get(p.id) ?? 0)}` : null;
    },
    [measure, values],
  );

  const districtName = meta.data?.districts.find((d) => d.soato === district)?.name;
  const scopeName = selected !== null ? (mahallaName ?? `Mahalla ${selected}`) : (districtName ?? 'All districts');
  const countryName = meta.data?.scale === 'national' ? 'Uzbekistan' : 'Whole database';
  const f = flow.data;
  const error = meta.error ?? territories.error ?? perMahalla.error ?? flow.error;
  const loading = territories.isFetching || perMahalla.isFetching || flow.isFetching;
  return (
    <main className="appl-page">
      {meta.data && range && (
        <aside className="panel" aria-label="Filters">
          <PeriodSection meta={meta.data} range={range} />
          <DistrictSection meta={meta.data} district={district} />
          <section>
            <h2>Map shows</h2>
            <div className="radios" data-testid="measure">
              {APPL_MEASURES.map((m) => (
                <label key={m} className="check">
                  <input
                    type="radio"
                    name="measure"
                    value={m}
                    checked={measure === m}
                    onChange={() => update({ applMeasure: m })}
                  />
                  {MEASURE_LABELS[m]} applications per mahalla
                </label>
              ))}
            </div>
          </section>
          {f && (
            <section data-testid="flow-totals">
              <h2>
                {scopeName}
                {selected !== null && (
                  <button type="button" className="link" onClick={() => update({ selected: null })}>
                    Back to {districtName ?? 'all districts'}
                  </button>
                )}
              </h2>
              <dl className="figures appl-totals">
                <div>
                  <dt>Arrived</dt>
                  <dd data-testid="total-arrived">{fmtInt(f.total.n)}</dd>
                </div>
                <div>
                  <dt>Open</dt>
                  <dd data-testid="total-open">{fmtInt(f.total.open)}</dd>
                </div>
                <div>
                  <dt>Overdue</dt>
                  <dd data-testid="total-overdue" className={f.total.overdue > 0 ? 'warn' : undefined}>
                    {fmtInt(f.total.overdue)}
                  </dd>
                </div>
              </dl>
              <p className="summary">
                Resolved in a median <strong>{f.total.medianDays ?? '—'}</strong> days; 90 % within{' '}
                <strong>{f.total.p90Days ?? '—'}</strong> days.
              </p>
              <p className="appl-rule">
                Open and overdue as of {formatDay(f.asOf)}. Legal term (Law on appeals, ZRU-445): {f.termDays.kept} days
                when the inspector keeps the application, {f.termDays.passed} days when it is passed to a service for
                checking.
              </p>
            </section>
          )}
        </aside>
      )}
      <section className="map-area appl-map" aria-label="Map" data-loading={loading ? 'true' : 'false'}>
        <BaseMap layers={layers} pickLayerIds={PICK} onPick={onPick} tooltip={tooltip} outlines={outlines} />
        <div className="legend" data-testid="applications-legend">
          <h3>{MEASURE_LABELS[measure]} applications per mahalla</h3>
          <ul className="ramp">
            {scale.colors.map((c, k) => (
              <li key={c.join()}>
                <span className="swatch" style={{ background: css(c) }} />
                {k === 0
                  ? `≤ ${fmtInt(scale.breaks[0] ?? 0)}`
                  : k === scale.colors.length - 1
                    ? `> ${fmtInt(scale.breaks[k - 1] ?? 0)}`
                    : `${fmtInt(scale.breaks[k - 1] ?? 0)} – ${fmtInt(scale.breaks[k] ?? 0)}`}
              </li>
            ))}
          </ul>
          <p className="note">Click a mahalla for its own flow.</p>
          {meta.data?.synthetic && <p className="note demo">Demo boundaries and records (synthetic)</p>}
        </div>
        <LoadState loading={loading} error={error} />
      </section>
      <section className="appl-analysis" aria-label="Applications flow" tabIndex={0}>
        {f && (
          <>
            <header>
              <h2>Applications flow · {scopeName}</h2>
              <p className="muted">
                {formatDay(f.period.from)} – {formatDay(f.period.to)} · {fmtInt(f.total.n)} applications
              </p>
            </header>
            <FlowSankey flow={f} />
            <NationalPanel flow={f} scopeName={scopeName} countryName={countryName} />
            <Breakdown title="Received by" dim="receiver" rows={f.byReceiver} total={f.total.n} testId="by-receiver" />
            <Breakdown title="Passed to" dim="service" rows={f.byService} total={f.total.n} testId="by-service" />
            <Breakdown title="Registry" dim="registry" rows={f.byRegistry} total={f.total.n} testId="by-registry" />
            <Breakdown title="Channel" dim="channel" rows={f.byChannel} total={f.total.n} testId="by-channel" />
            <Breakdown title="Applicant" dim="applicant" rows={f.byApplicant} total={f.total.n} testId="by-applicant" />
          </>
        )}
      </section>
    </main>
  );
}
