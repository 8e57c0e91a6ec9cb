// The applications page: applications per mahalla on the map, and for the district (or a clicked mahalla) the flow
// channel → registry → receiver → service, open and overdue, resolution time and the district-vs-country panel.
// The measure and the clicked mahalla (the store's shared `selected`) live in the UI store, so a link reopens both.
import { useCallback, useMemo } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { useMeta } from '../../queries/meta.ts';
import { useMahallaIndex } from '../../queries/mahallas.ts';
import { tileOutlines } from '../../map/mahalla-layers.ts';
import { useSelection } from '../../queries/range.ts';
import { useApplicationsByMahalla, useApplicationsFlow } from '../../queries/applications.ts';
import { update, useUi } from '../../state/store.ts';
import { APPL_MEASURES } from '../../state/url.ts';
import { BaseMap } from '../../map/BaseMap.tsx';
import { css } from '../../map/colors.ts';
import { DistrictSection, PeriodSection } from '../common/PeriodSection.tsx';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { wholeArea } from '../../i18n/whole-area.ts';
import { APPLICATION_LAYER_IDS, buildApplicationLayers, measureScale } from './layers.ts';
import { FlowSankey } from './FlowSankey.tsx';
import { Breakdown } from './Breakdown.tsx';
import { NationalPanel } from './NationalPanel.tsx';
import './applications.css';
import { LoadState } from '../common/LoadState.tsx';
import { PageMapExport } from '../common/PageMapExport.tsx';
import { MapLegend } from '../common/MapLegend.tsx';

const PICK = [APPLICATION_LAYER_IDS.fill];
type Props = { id: number; name: string; districtSoato: string };

export function ApplicationsPage() {
  const meta = useMeta();
  const range = useSelection();
  const district = useUi((s) => s.district);
  const measure = useUi((s) => s.applMeasure);
  const selected = useUi((s) => s.selected);
  const t = useT();
  const fmt = useFmt();
  const nameOf = useNameOf();
  // Every district's mahallas as context around the chosen one; the counts per mahalla are the district's alone.
  const territories = useMahallaIndex();
  const perMahalla = useApplicationsByMahalla(range);
  const flow = useApplicationsFlow(range, selected);
  const features = territories.data;
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
  const outlines = useMemo(() => tileOutlines(true), []);
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
      return p
        ? t('applications.tooltip', {
            name: nameOf(p.name),
            measure: t(`applications.measure.${measure}`),
            n: fmt.int(values.get(p.id) ?? 0),
          })
        : null;
    },
    [measure, values, t, fmt, nameOf],
  );

  const stored = meta.data?.districts.find((d) => d.soato === district)?.name;
  const districtName = stored ? nameOf(stored) : undefined;
  const countryName = meta.data ? wholeArea(meta.data, t) : t('applications.wholeDatabase');
  // No district chosen: the area by its name ("Uzbekistan", "Tashkent city"), as the breadcrumb names it.
  const scopeName =
    selected !== null
      ? mahallaName
        ? nameOf(mahallaName)
        : t('cooperation.mahalla.fallback', { id: String(selected) })
      : (districtName ?? countryName);
  const f = flow.data;
  const error = meta.error ?? territories.error ?? perMahalla.error ?? flow.error;
  const loading = territories.isFetching || perMahalla.isFetching || flow.isFetching;
  return (
    <main className="appl-page">
      {meta.data && range && (
        <aside className="panel" aria-label={t('filters.aria')}>
          <PeriodSection meta={meta.data} range={range} />
          <DistrictSection meta={meta.data} district={district} />
          <section>
            <h2>{t('applications.mapShows')}</h2>
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
                  {t('applications.perMahalla', { measure: m })}
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
                    {t('applications.back', { name: districtName ?? t('applications.allDistricts') })}
                  </button>
                )}
              </h2>
              <dl className="figures appl-totals">
                <div>
                  <dt>{t('applications.arrived')}</dt>
                  <dd data-testid="total-arrived">{fmt.int(f.total.n)}</dd>
                </div>
                <div>
                  <dt>{t('applications.open')}</dt>
                  <dd data-testid="total-open">{fmt.int(f.total.open)}</dd>
                </div>
                <div>
                  <dt>{t('applications.overdue')}</dt>
                  <dd data-testid="total-overdue" className={f.total.overdue > 0 ? 'warn' : undefined}>
                    {fmt.int(f.total.overdue)}
                  </dd>
                </div>
              </dl>
              <p className="summary">
                {t('applications.resolved', {
                  median: f.total.medianDays === null ? '—' : fmt.int(f.total.medianDays),
                  p90: f.total.p90Days === null ? '—' : fmt.int(f.total.p90Days),
                })}
              </p>
              <p className="appl-rule">
                {t('applications.rule', { day: fmt.day(f.asOf), kept: f.termDays.kept, passed: f.termDays.passed })}
              </p>
            </section>
          )}
        </aside>
      )}
      <section className="map-area appl-map" aria-label={t('coverage.map')} data-loading={loading ? 'true' : 'false'}>
        <BaseMap layers={layers} pickLayerIds={PICK} onPick={onPick} tooltip={tooltip} outlines={outlines} />
        <MapLegend page="applications" testId="applications-legend" title={t('applications.perMahalla', { measure })}>
          <ul className="ramp">
            {scale.colors.map((c, k) => (
              <li key={c.join()}>
                <span className="swatch" style={{ background: css(c) }} />
                {k === 0
                  ? `≤ ${fmt.int(scale.breaks[0] ?? 0)}`
                  : k === scale.colors.length - 1
                    ? `> ${fmt.int(scale.breaks[k - 1] ?? 0)}`
                    : `${fmt.int(scale.breaks[k - 1] ?? 0)} – ${fmt.int(scale.breaks[k] ?? 0)}`}
              </li>
            ))}
          </ul>
          <p className="note">{t('applications.clickMahalla')}</p>
          {meta.data?.synthetic && <p className="note demo">{t('applications.demo')}</p>}
        </MapLegend>
        <PageMapExport
          page="applications"
          title={t('applications.perMahalla', { measure })}
          period={perMahalla.data?.period}
        />
        <LoadState loading={loading} error={error} />
      </section>
      <section className="appl-analysis" aria-label={t('applications.flowAria')} tabIndex={0}>
        {f && (
          <>
            <header>
              <h2>{t('applications.flowTitle', { scope: scopeName })}</h2>
              <p className="muted">
                {t('applications.flowSub', {
                  from: fmt.day(f.period.from),
                  to: fmt.day(f.period.to),
                  count: f.total.n,
                  n: fmt.int(f.total.n),
                })}
              </p>
            </header>
            <FlowSankey flow={f} />
            <NationalPanel flow={f} scopeName={scopeName} countryName={countryName} />
            <Breakdown dim="receiver" rows={f.byReceiver} total={f.total.n} testId="by-receiver" />
            <Breakdown dim="service" rows={f.byService} total={f.total.n} testId="by-service" />
            <Breakdown dim="registry" rows={f.byRegistry} total={f.total.n} testId="by-registry" />
            <Breakdown dim="channel" rows={f.byChannel} total={f.total.n} testId="by-channel" />
            <Breakdown dim="applicant" rows={f.byApplicant} total={f.total.n} testId="by-applicant" />
          </>
        )}
      </section>
    </main>
  );
}
