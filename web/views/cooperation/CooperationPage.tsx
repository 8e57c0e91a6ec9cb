// The cooperation page: joint actions per mahalla on the map (coloured by the services involved, gaps outlined) and a
// report beside it: service shares, the inspector × service matrix, cooperation gaps, before/after. The tab and the gap
// window live in the UI store, so a link reopens them.
import { useCallback, useMemo, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ServiceCode } from '../../../server/contract/catalog.ts';
import { useMeta } from '../../queries/meta.ts';
import { useMahallaIndex } from '../../queries/mahallas.ts';
import { tileOutlines } from '../../map/mahalla-layers.ts';
import { useSelection } from '../../queries/range.ts';
import {
  useBeforeAfter,
  useCooperationGaps,
  useInspectorServiceMatrix,
  useJointActionLayer,
  useJointActionSummary,
} from '../../queries/cooperation.ts';
import { update, useUi } from '../../state/store.ts';
import { COOP_TABS, GAP_WINDOWS } from '../../state/url.ts';
import { BaseMap } from '../../map/BaseMap.tsx';
import type { MahallaFeatureProps } from '../../map/layers.ts';
import { DistrictSection, PeriodSection } from '../common/PeriodSection.tsx';
import { BeforeAfterTable } from './BeforeAfterTable.tsx';
import { CoopLegend } from './CoopLegend.tsx';
import { GapList } from './GapList.tsx';
import { MahallaActions } from './MahallaActions.tsx';
import { ServiceMatrix } from './ServiceMatrix.tsx';
import { ServiceShares } from './ServiceShares.tsx';
import { activityBreaks, COOP_LAYER_IDS, cooperationLayers } from './layers.ts';
import './cooperation.css';
import { LoadState } from '../common/LoadState.tsx';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { PageMapExport } from '../common/PageMapExport.tsx';
import { serviceLabel } from './services.ts';

const PICK = [COOP_LAYER_IDS.fill];

export function CooperationPage() {
  const meta = useMeta();
  // Every district's mahallas as context around the chosen one; the joint actions and gaps are the district's alone.
  const territories = useMahallaIndex();
  const selection = useSelection();
  const district = useUi((s) => s.district);
  const selected = useUi((s) => s.selected);
  const fdr = useUi((s) => s.fdr);
  const days = useUi((s) => s.gapDays);
  const tab = useUi((s) => s.coopTab);
  const [focus, setFocus] = useState<ServiceCode | null>(null);
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();

  const summary = useJointActionSummary(selection);
  const layer = useJointActionLayer(selection);
  const matrix = useInspectorServiceMatrix(tab === 'matrix' ? selection : null);
  const gaps = useCooperationGaps(selection, fdr, days);
  const beforeAfter = useBeforeAfter(tab === 'before-after' ? selection : null);

  const features = territories.data as FeatureCollection<Geometry, MahallaFeatureProps> | undefined;
  const gapIds = useMemo(() => gaps.data?.gaps.map((g) => g.id), [gaps.data]);
  const layers = useMemo(
    () =>
      cooperationLayers(
        { territories: features, cells: layer.data, gaps: gapIds },
        {
          focus,
          selected,
          dataKey: `${layer.data?.period.from ?? ''}|${layer.data?.period.to ?? ''}|${district ?? ''}|${layer.data?.ids.length ?? 0}`,
        },
      ),
    [features, layer.data, gapIds, focus, selected, district],
  );
  const breaks = useMemo(() => activityBreaks(layer.data?.actions ?? []), [layer.data]);
  const onPick = useCallback((object: unknown) => {
    const props = (object as { properties?: MahallaFeatureProps } | null)?.properties;
    update({ selected: props ? props.id : null });
  }, []);
  const tooltip = useCallback(
    ({ object }: PickingInfo): string | null => {
      const p = (object as { properties?: MahallaFeatureProps } | null)?.properties;
      if (!p) return null;
      const k = layer.data?.ids.indexOf(p.id) ?? -1;
      const name = nameOf(p.name);
      if (k < 0) return t('cooperation.tooltip.none', { name });
      const count = layer.data?.actions[k] ?? 0;
      return t('cooperation.tooltip.actions', { name, count, n: f.int(count) });
    },
    [layer.data, t, f, nameOf],
  );

  const outlines = useMemo(() => tileOutlines(true), []);
  const loading =
    summary.isFetching ||
    layer.isFetching ||
    gaps.isFetching ||
    matrix.isFetching ||
    beforeAfter.isFetching ||
    territories.isFetching;
  const error = summary.error ?? layer.error ?? gaps.error ?? matrix.error ?? beforeAfter.error;
  return (
    <main className="workspace coop-workspace">
      <aside className="panel" aria-label={t('filters.aria')}>
        {meta.data && selection && <PeriodSection meta={meta.data} range={selection} />}
        {meta.data && <DistrictSection meta={meta.data} district={district} />}
        <section>
          <h2>{t('cooperation.gapWindow')}</h2>
          <div className="presets" data-testid="gap-days">
            {GAP_WINDOWS.map((d) => (
              <button
                key={d}
                type="button"
                className={d === days ? 'chip active' : 'chip'}
                aria-pressed={d === days}
                onClick={() => update({ gapDays: d })}
              >
                {t('period.days', { count: d })}
              </button>
            ))}
          </div>
          <p className="summary">{t('cooperation.gapRule', { days })}</p>
        </section>
        {selected !== null && features && (
          <MahallaActions id={selected} features={features} layer={layer.data} gaps={gaps.data} />
        )}
      </aside>
      <section className="map-area" aria-label={t('coverage.map')} data-loading={loading ? 'true' : 'false'}>
        <BaseMap layers={layers} pickLayerIds={PICK} onPick={onPick} tooltip={tooltip} outlines={outlines} />
        <CoopLegend
          focus={focus}
          onFocus={setFocus}
          breaks={breaks}
          gaps={gapIds?.length ?? 0}
          synthetic={meta.data?.synthetic ?? true}
        />
        <PageMapExport
          page="cooperation"
          title={t('cooperation.legend.title')}
          period={layer.data?.period}
          filters={focus ? serviceLabel(focus, t) : ''}
        />
        <LoadState loading={loading} error={error} />
      </section>
      <section className="coop-report" aria-label={t('cooperation.report')}>
        <nav className="report-tabs" role="tablist">
          {COOP_TABS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              data-testid={`coop-tab-${k}`}
              className={tab === k ? 'report-tab active' : 'report-tab'}
              onClick={() => update({ coopTab: k })}
            >
              {t(`cooperation.tab.${k}`)}
              {k === 'gaps' && gaps.data ? <span className="count-badge">{gaps.data.gaps.length}</span> : null}
            </button>
          ))}
        </nav>
        <div className="report-body" tabIndex={0}>
          {tab === 'summary' && summary.data && <ServiceShares summary={summary.data} />}
          {tab === 'matrix' && matrix.data && <ServiceMatrix matrix={matrix.data} />}
          {tab === 'gaps' && gaps.data && <GapList gaps={gaps.data} selected={selected} />}
          {tab === 'before-after' && beforeAfter.data && <BeforeAfterTable data={beforeAfter.data} />}
        </div>
      </section>
    </main>
  );
}
