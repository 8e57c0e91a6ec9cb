// Two territory versions of a district compared (any two: the plan in force, drafts, submitted, approved, archived):
// the mahallas that change inspector on the map in the colour of the post they go to, how many move, and each post's
// workload before and after. The two versions ride in the link (va, vb), so a link reopens the same comparison.
import { useCallback, useMemo } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { useMeta } from '../../queries/meta.ts';
import { useMahallas } from '../../queries/mahallas.ts';
import { useTerritoryDiff, useTerritoryVersion, useTerritoryVersions } from '../../queries/territories.ts';
import { update, useUi } from '../../state/store.ts';
import { navigate } from '../../state/route.ts';
import { BaseMap } from '../../map/BaseMap.tsx';
import { bboxOf } from '../../map/bbox.ts';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import type { Rgb } from '../../map/colors.ts';
import { DistrictSection } from '../common/PeriodSection.tsx';
import { LoadState } from '../common/LoadState.tsx';
import { gainerColors, moveRows, postRows } from './diff-summary.ts';
import { buildDiffLayers, DIFF_LAYER_IDS } from './layers.ts';
import { defaultPair, versionLabel, type VersionHead } from './versions.ts';
import { DiffCounts, MoveTable, PostTable } from './DiffTables.tsx';
import './territory-diff.css';
import { PageMapExport } from '../common/PageMapExport.tsx';
import { useSayName } from '../../i18n/system-names.ts';

const PICK = [DIFF_LAYER_IDS.moved, DIFF_LAYER_IDS.context];

export function DiffPage() {
  const meta = useMeta();
  const t = useT();
  const say = useSayName();
  const f = useFmt();
  const nameOf = useNameOf();
  const asked = { before: useUi((s) => s.diffBefore), after: useUi((s) => s.diffAfter) };
  // A link may name the versions without the district: the district is then the first version's.
  const chosen = useUi((s) => s.district);
  const first = useTerritoryVersion(chosen ? null : (asked.before ?? asked.after));
  const district = chosen ?? first.data?.district ?? null;
  const versions = useTerritoryVersions(district);
  const list = useMemo(() => versions.data?.versions ?? [], [versions.data]);
  const pair = defaultPair(list, asked.before, asked.after);
  const diff = useTerritoryDiff(pair.before, pair.after);
  // Versions belong to one district: its polygons only, never the whole country's while none is known.
  const mahallas = useMahallas(district, district !== null);
  const moves = useMemo(() => (diff.data ? moveRows(diff.data, t, nameOf) : []), [diff.data, t, nameOf]);
  const rows = useMemo(() => (diff.data ? postRows(diff.data) : []), [diff.data]);
  const colors = useMemo(() => (diff.data ? gainerColors(diff.data) : new Map<number, Rgb>()), [diff.data]);
  const layers = useMemo(() => (mahallas.data ? buildDiffLayers(mahallas.data, moves) : []), [mahallas.data, moves]);
  const focus = useMemo(() => (mahallas.data ? bboxOf(mahallas.data.features) : null), [mahallas.data]);
  const byMahalla = useMemo(() => new Map(moves.map((m) => [m.mahalla, m])), [moves]);
  const tooltip = useCallback(
    (info: PickingInfo): string | null => {
      const p = (info.object as { properties?: { id: number; name: string } } | null)?.properties;
      if (!p) return null;
      const m = byMahalla.get(p.id);
      return m ? `${nameOf(p.name)}\n${m.from} → ${m.to}` : `${nameOf(p.name)}\n${t('tdiff.noChange')}`;
    },
    [byMahalla, nameOf, t],
  );

  const choose = (side: 'diffBefore' | 'diffAfter', id: number): void =>
    update({ [side]: id, ...(district ? { district } : {}) });
  const error = meta.error ?? versions.error ?? diff.error ?? mahallas.error;
  const loading = versions.isFetching || diff.isFetching || mahallas.isFetching;
  const picker = (side: 'diffBefore' | 'diffAfter', value: number | null, label: string) => (
    <label className="tdiff-pick">
      {label}
      <select
        data-testid={side === 'diffBefore' ? 'diff-before' : 'diff-after'}
        value={value ?? ''}
        onChange={(e) => choose(side, Number(e.target.value))}
      >
        {list.map((v: VersionHead) => (
          <option key={v.id} value={v.id}>
            {versionLabel({ ...v, name: say(v.name) }, t)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <main className="three-cols tdiff-page">
      <aside className="panel" aria-label={t('tdiff.asideAria')}>
        {meta.data && <DistrictSection meta={meta.data} district={district} />}
        {!district && <p className="muted">{t('tdiff.chooseDistrict')}</p>}
        {district && (
          <section aria-label={t('tdiff.versionsAria')}>
            <h2>{t('tdiff.title')}</h2>
            {picker('diffBefore', pair.before, t('tdiff.from'))}
            {picker('diffAfter', pair.after, t('tdiff.to'))}
            <div className="tdiff-actions">
              <button
                type="button"
                data-testid="diff-swap"
                onClick={() => update({ diffBefore: pair.after, diffAfter: pair.before })}
                title={t('tdiff.swapTitle')}
              >
                {t('tdiff.swap')}
              </button>
              <a href="/planner" onClick={(e) => (e.preventDefault(), navigate('/planner'))}>
                {t('tprint.back')}
              </a>
            </div>
            {pair.after !== null && (
              <p className="tdiff-links">
                {t('tdiff.annexOfB')}{' '}
                <a
                  href={`/territories/print?tv=${pair.after}`}
                  data-testid="diff-print"
                  onClick={(e) => {
                    e.preventDefault();
                    update({ territoryVersion: pair.after });
                    navigate('/territories/print');
                  }}
                >
                  {t('tdiff.printable')}
                </a>
              </p>
            )}
            {list.length < 2 && <p className="muted">{t('tdiff.oneVersion')}</p>}
          </section>
        )}
        {diff.data && <DiffCounts counts={diff.data.counts} same={pair.before === pair.after} />}
        {diff.data && <p className="muted tdiff-period">{t('tdiff.period', { period: f.period(diff.data.period) })}</p>}
      </aside>
      <section
        className="map-area side-map tdiff-map"
        aria-label={t('tdiff.map')}
        data-loading={loading ? 'true' : 'false'}
      >
        <BaseMap layers={layers} pickLayerIds={PICK} tooltip={tooltip} focus={focus} />
        <PageMapExport page="territory-diff" title={t('tdiff.map')} period={diff.data?.period} />
        <LoadState loading={loading} error={error} />
      </section>
      <aside className="panel side-panel tdiff-side" aria-label={t('tdiff.sideAria')} tabIndex={0}>
        {diff.data ? (
          <>
            <PostTable rows={rows} colors={colors} />
            <MoveTable moves={moves} />
          </>
        ) : district ? (
          <p className="muted">{t('tdiff.loading')}</p>
        ) : (
          <p className="muted side-empty" data-testid="side-empty">
            {t('tdiff.sideEmpty')}
          </p>
        )}
      </aside>
    </main>
  );
}
