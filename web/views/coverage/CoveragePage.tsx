// The territories page: every inspector's territory on the map, the workload table with overload flags, editable
// norms, and an inspector's card; a click on the map or the table selects the inspector on both and frames their
// territory. The selection, norms, filter and sort live in the UI store, so a copied link reopens the page as it was.
import { useCallback, useMemo, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import type { Norms } from '../../../server/contract/coverage.ts';
import { useMeta } from '../../queries/meta.ts';
import { can, useSession } from '../../queries/session.ts';
import { useBasePoints, useMahallaIndex } from '../../queries/mahallas.ts';
import { useSelection } from '../../queries/range.ts';
import { useCoverage, useOutlines, useTerritoryColumns } from '../../queries/coverage.ts';
import { getState, update, useUi } from '../../state/store.ts';
import { BaseMap } from '../../map/BaseMap.tsx';
import { bboxOf } from '../../map/bbox.ts';
import { DistrictSection, PeriodSection } from '../common/PeriodSection.tsx';
import { useFmt, useNameOf, useT, type NameOf } from '../../i18n/I18n.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { tileOutlines } from '../../map/mahalla-layers.ts';
import { buildTerritoryLayers, TERRITORY_LAYER_IDS, territoryMahallas, type TerritoryMahalla } from './layers.ts';
import { NormsSection } from './NormsSection.tsx';
import { InspectorTable } from './InspectorTable.tsx';
import { InspectorCard } from './InspectorCard.tsx';
import { CoverageLegend } from './CoverageLegend.tsx';
import './coverage.css';
import { LoadState } from '../common/LoadState.tsx';
import { PageMapExport } from '../common/PageMapExport.tsx';

const PICK = [TERRITORY_LAYER_IDS.fill, TERRITORY_LAYER_IDS.overloaded];
// Choosing (or closing) an inspector moves the camera to frame their territory (or the district again): a view saved
// in the link would no longer be what is on screen, so it is dropped, as choosing a district does.
// A click on nothing with nothing selected changes nothing, so it must not drop the view either.
const selectInspector = (id: number | null): void => {
  if (id !== getState().inspector) update({ inspector: id, view: null });
};
const setNorms = (norms: Norms): void => update({ norms });

export function CoveragePage() {
  const session = useSession();
  const meta = useMeta();
  const range = useSelection();
  const district = useUi((s) => s.district);
  const norms = useUi((s) => s.norms);
  const selected = useUi((s) => s.inspector);
  // The map shows the chosen district only (every district when none): the server narrows each layer to it. The
  // mahallas are drawn from the vector tiles (the index and the territories' mahalla ids carry no shapes); dissolved
  // outlines come for one district only: the chosen one, or the selected inspector's.
  const coverage = useCoverage(range, norms);
  const index = useMahallaIndex();
  const territories = useTerritoryColumns(district);
  const selectedDistrict = useMemo(() => {
    const k = territories.data?.inspectorId.indexOf(selected ?? -1) ?? -1;
    return k < 0 ? null : (territories.data?.districtSoato[k] ?? null);
  }, [territories.data, selected]);
  const outlineDistrict = district ?? selectedDistrict;
  const outlines = useOutlines(outlineDistrict);
  const basePoints = useBasePoints(district);

  const mahallas = useMemo(
    () =>
      index.data && territories.data
        ? territoryMahallas(index.data, territories.data, (d) => district === null || district === d)
        : undefined,
    [index.data, territories.data, district],
  );
  const data = useMemo(() => {
    const flags = coverage.data?.inspectors.flags ?? [];
    return {
      mahallas,
      outlines: outlines.data,
      outlineDistrict,
      basePoints: basePoints.data,
      overloaded: new Set(coverage.data?.inspectors.id.filter((_, k) => (flags[k]?.length ?? 0) > 0) ?? []),
    };
  }, [mahallas, outlines.data, outlineDistrict, basePoints.data, coverage.data]);
  const overloadKey = useMemo(() => [...data.overloaded].join(','), [data.overloaded]);
  const layers = useMemo(() => buildTerritoryLayers(data, { selected, overloadKey }), [data, selected, overloadKey]);
  const mapOutlines = useMemo(() => tileOutlines(true), []);
  // The selected territory's [w, s, e, n] from its mahallas' boxes; null (no selection, still loading) leaves the
  // district framed.
  const focus = useMemo(
    () =>
      selected === null ? null : bboxOf(mahallas?.features.filter((f) => f.properties.inspectorId === selected) ?? []),
    [mahallas, selected],
  );
  // A link that opens with an inspector waits for the territories before making the map, so its first camera frames
  // the territory (or the link's saved view) instead of fitting the district and then flying off, overriding that view.
  const [linkedInspector] = useState(() => getState().inspector !== null);
  const mapReady = !linkedInspector || mahallas !== undefined || territories.error !== null || index.error !== null;
  const onPick = useCallback((object: unknown) => {
    const props = (object as { properties?: Partial<TerritoryMahalla> } | null)?.properties;
    // An unassigned mahalla has no inspector to show: the click changes nothing.
    if (props?.inspectorId === null) return;
    selectInspector(props?.inspectorId ?? null);
  }, []);
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const districtName = useCallback(
    (soato: string) => {
      const name = meta.data?.districts.find((d) => d.soato === soato)?.name;
      return name ? nameOf(name) : soato;
    },
    [meta.data, nameOf],
  );
  const tooltip = useMemo(() => tooltipOf(t, nameOf, f.int), [t, nameOf, f]);

  const error = meta.error ?? coverage.error ?? territories.error ?? index.error ?? outlines.error;
  const loading = coverage.isFetching || territories.isFetching || index.isFetching || outlines.isFetching;
  const totals = coverage.data?.totals;
  return (
    <main className="terr-page">
      {meta.data && range && (
        <aside className="panel" aria-label={t('coverage.filters')}>
          <PeriodSection meta={meta.data} range={range} />
          <DistrictSection meta={meta.data} district={district} />
          <NormsSection norms={norms} onChange={setNorms} />
          {totals && coverage.data && (
            <section data-testid="coverage-summary">
              <h2>{t('coverage.summary.title')}</h2>
              <p className="summary">
                {t('coverage.summary.line', {
                  inspectors: totals.inspectors,
                  inspectorsText: f.int(totals.inspectors),
                  covered: f.int(totals.mahallas - totals.unassigned),
                  mahallas: totals.mahallas,
                  mahallasText: f.int(totals.mahallas),
                  overloaded: f.int(totals.overloaded),
                })}
              </p>
              <h3 className="terr-subhead">
                {t('coverage.unassigned.title', {
                  count: f.int(totals.unassigned),
                  residents: f.int(totals.unassignedResidents),
                })}
              </h3>
              {coverage.data.unassigned.length === 0 ? (
                <p className="muted">{t('coverage.unassigned.none')}</p>
              ) : (
                <ul className="terr-unassigned" data-testid="unassigned">
                  {coverage.data.unassigned.map((m) => (
                    <li key={m.id}>
                      <span>{nameOf(m.name)}</span>
                      <span className="terr-sub">
                        {t('coverage.unassigned.sub', {
                          residents: f.int(m.population),
                          incidents: f.int(m.incidents),
                        })}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </aside>
      )}
      <section className="map-area terr-map" aria-label={t('coverage.map')} data-loading={loading ? 'true' : 'false'}>
        {mapReady && (
          <BaseMap
            layers={layers}
            pickLayerIds={PICK}
            onPick={onPick}
            tooltip={tooltip}
            focus={focus}
            outlines={mapOutlines}
          />
        )}
        <CoverageLegend synthetic={meta.data?.synthetic ?? true} />
        <PageMapExport page="coverage" title={t('coverage.map')} period={coverage.data?.period} />
        <LoadState loading={loading} error={error} />
        {selected !== null && range && can(session.data, 'persons') && (
          <InspectorCard id={selected} range={range} norms={norms} onClose={() => selectInspector(null)} />
        )}
      </section>
      {coverage.data && (
        <InspectorTable
          coverage={coverage.data}
          selected={selected}
          onSelect={selectInspector}
          districtName={districtName}
          norms={norms}
          period={coverage.data.period}
        />
      )}
    </main>
  );
}

/** The map's tooltip in the language of `t`, names in its script. */
const tooltipOf =
  (t: Translate, nameOf: NameOf, int: (n: number) => string) =>
  ({ object, layer }: PickingInfo): string | null => {
    const props = (object as { properties?: Record<string, unknown>; name?: string } | null)?.properties;
    const name = nameOf(String(props?.name));
    if (layer?.id === TERRITORY_LAYER_IDS.base) return nameOf((object as { name: string }).name);
    if (layer?.id === TERRITORY_LAYER_IDS.overloaded) return t('coverage.tooltip.overloaded', { name });
    if (layer?.id === TERRITORY_LAYER_IDS.fill && props?.inspectorId === null)
      return t('coverage.tooltip.unassigned', { name });
    if (layer?.id === TERRITORY_LAYER_IDS.fill) {
      const count = Number(props?.mahallas ?? 0);
      return t('coverage.tooltip.territory', { name, count, n: int(count) });
    }
    return null;
  };
