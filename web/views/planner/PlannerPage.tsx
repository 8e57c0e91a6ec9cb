// The territory planner: a version of a district's territories on the map, painted with a chosen post (or erased, or
// pinned) by click, brush or lasso, with undo/redo that survives a reload, live workload balance per post with the
// hovered stroke's ghost, editable workload weights, vacant posts, automatic proposals, the comparison with the plan
// in force, and the approval workflow.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { UNASSIGNED } from '../../../server/shared/planner/model.ts';
import { useMeta } from '../../queries/meta.ts';
import { can, useSession } from '../../queries/session.ts';
import { useMahallas } from '../../queries/mahallas.ts';
import {
  usePlannerModel,
  useTerritoryDiff,
  useTerritoryVersion,
  useTerritoryVersions,
} from '../../queries/territories.ts';
import { useUi } from '../../state/store.ts';
import { BaseMap } from '../../map/BaseMap.tsx';
import { bboxOf, type BBox } from '../../map/bbox.ts';
import { DistrictSection } from '../common/PeriodSection.tsx';
import { buildPlannerLayers, PLANNER_LAYER_IDS, type MahallaFeature } from './layers.ts';
import { planFromAssignments } from './plan-model.ts';
import { usePlanState } from './usePlanState.ts';
import { postName, PostList } from './PostList.tsx';
import { useNameOf, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { BalanceSection } from './BalanceSection.tsx';
import { ToolsSection, type Action } from './ToolsSection.tsx';
import { useStroke, type StrokeShape } from './useStroke.ts';
import { ProposalsPanel } from './ProposalsPanel.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { VersionSection } from './VersionSection.tsx';
import './planner.css';
import './planner-tools.css';

type Tab = 'posts' | 'proposals' | 'compare';
const PICK = [PLANNER_LAYER_IDS.fill];

export function PlannerPage() {
  const session = useSession();
  const t = useT();
  const said = useApiErrors();
  const nameOf = useNameOf();
  const meta = useMeta();
  const district = useUi((s) => s.district);
  const norms = useUi((s) => s.norms);
  const asked = useUi((s) => s.territoryVersion);
  const weights = useUi((s) => s.weights);
  const versions = useTerritoryVersions(district);
  const list = useMemo(() => versions.data?.versions ?? [], [versions.data]);
  const inForceId = list.find((v) => v.phase === 'in_force')?.id ?? null;
  const chosen = list.find((v) => v.id === asked)?.id ?? list.find((v) => v.phase === 'draft')?.id ?? inForceId;
  const detail = useTerritoryVersion(chosen);
  const inForceDetail = useTerritoryVersion(inForceId);
  const json = usePlannerModel(district);
  // A district's polygons only: without a district there is nothing to edit, and the country's are never fetched.
  const mahallas = useMahallas(district, district !== null);
  const editor = usePlanState(json.data, detail.data?.id === chosen ? detail.data : undefined, norms, weights);
  const [tool, setTool] = useState<Action>('paint');
  const [shape, setShape] = useState<StrokeShape>('click');
  const [radius, setRadius] = useState(16);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const brushEl = useRef<HTMLDivElement>(null);
  const lassoEl = useRef<SVGPolylineElement>(null);
  const [paint, setPaint] = useState(0);
  const [hover, setHover] = useState<number | null>(null);
  const [tab, setTab] = useState<Tab>('posts');
  const [focus, setFocus] = useState<BBox | null>(null);
  const editable = (detail.data?.editable ?? false) && editor !== null;
  const diff = useTerritoryDiff(tab === 'compare' ? inForceId : null, tab === 'compare' ? chosen : null);

  const inForce = useMemo(
    () =>
      editor && detail.data && inForceDetail.data
        ? planFromAssignments(editor.model, editor.posts, inForceDetail.data.assignments)
        : null,
    [editor?.model, detail.data, inForceDetail.data], // eslint-disable-line react-hooks/exhaustive-deps
  );
  // Keyboard undo/redo while the editor is open: Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z (not while typing in a field).
  useEffect(() => {
    if (!editor || !editable) return;
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || (e.target as HTMLElement | null)?.closest('input, textarea, select')) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) editor.undo();
      else if (k === 'y' || (k === 'z' && e.shiftKey)) editor.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, editable]);

  const target = tool === 'erase' ? UNASSIGNED : Math.min(paint, (editor?.model.p ?? 1) - 1);
  const drawn: StrokeShape = editable && tool !== 'pin' ? shape : 'click';
  const touched = useStroke({
    map,
    shape: drawn,
    radius,
    model: editor?.model ?? null,
    mahallas: mahallas.data,
    onStroke: (ms) => editor?.paint(ms, target),
    brushEl,
    lassoEl,
  });
  const strokeHover = useMemo(
    () => (drawn === 'click' ? (hover === null ? [] : [hover]) : touched),
    [drawn, hover, touched],
  );
  const metrics = useMemo(() => editor?.state.metrics(), [editor, editor?.tick]); // eslint-disable-line react-hooks/exhaustive-deps
  const preview = useMemo(
    () =>
      editor && editable && strokeHover.length > 0 && tool !== 'pin' ? editor.state.preview(strokeHover, target) : null,
    [editor, editable, strokeHover, tool, target],
  );
  const changed = useMemo(
    () => new Set(tab === 'compare' ? (diff.data?.moves.map((m) => m.mahalla) ?? []) : []),
    [tab, diff.data],
  );
  const layers = useMemo(
    () =>
      editor && mahallas.data
        ? buildPlannerLayers(
            {
              mahallas: mahallas.data,
              model: editor.model,
              plan: editor.state.plan,
              slots: editor.slots,
              pinned: editor.state.pinned,
              changed,
              hover: strokeHover,
            },
            { paint: target, tick: editor.tick, pickable: drawn === 'click' },
          )
        : [],
    [editor, editor?.tick, mahallas.data, changed, strokeHover, target, drawn], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const indexOf = useCallback(
    (object: unknown): number | null => {
      const id = (object as MahallaFeature | null)?.properties?.id;
      return id === undefined ? null : (editor?.model.index.get(id) ?? null);
    },
    [editor],
  );
  const onPick = useCallback(
    (object: unknown) => {
      const m = indexOf(object);
      if (m === null || !editor || !editable || drawn !== 'click') return;
      if (tool === 'pin') editor.pin(m);
      else editor.paint([m], target);
    },
    [indexOf, editor, editable, tool, target, drawn],
  );
  const tooltip = useCallback(
    (info: PickingInfo): string | null => {
      const m = indexOf(info.object);
      setHover(m);
      if (m === null || !editor) return null;
      const p = editor.state.plan[m]!;
      const name = nameOf((info.object as MahallaFeature).properties.name);
      const who = p === UNASSIGNED ? t('planner.noInspector') : nameOf(postName(editor.posts[p], p, t));
      return `${name}\n${who}${editor.state.pinned[m] ? t('planner.pinned') : ''}`;
    },
    [indexOf, editor, nameOf, t],
  );
  const zoomTo = useCallback(
    (pieces: number[][]) => {
      const ids = new Set(pieces.flat());
      setFocus(bboxOf(mahallas.data?.features.filter((f) => ids.has(f.properties.id)) ?? []));
    },
    [mahallas.data],
  );

  const error = meta.error ?? versions.error ?? detail.error ?? json.error ?? mahallas.error;
  const loading = versions.isFetching || detail.isFetching || json.isFetching || mahallas.isFetching;
  const canWrite = can(session.data, 'territories.write');
  return (
    <main className="three-cols planner-page">
      <aside className="panel" aria-label={t('planner.asideAria')}>
        {meta.data && <DistrictSection meta={meta.data} district={district} />}
        {!district && <p className="muted">{t('planner.chooseDistrict')}</p>}
        {district && meta.data && (
          <VersionSection
            district={district}
            versions={list}
            detail={detail.data}
            editor={editor}
            canWrite={canWrite}
            today={meta.data.period.end}
          />
        )}
        {editor && editable && (
          <ToolsSection
            editor={editor}
            action={tool}
            shape={shape}
            radius={radius}
            painting={nameOf(postName(editor.posts[target], target, t))}
            onAction={setTool}
            onShape={setShape}
            onRadius={setRadius}
          />
        )}
        {metrics && editor && (
          <BalanceSection metrics={metrics} weights={weights} categories={editor.model.categories} onPieces={zoomTo} />
        )}
      </aside>
      <section
        className="map-area side-map planner-map"
        aria-label={t('tdiff.map')}
        data-loading={loading ? 'true' : 'false'}
        data-shape={drawn}
        onMouseLeave={() => setHover(null)}
      >
        <BaseMap layers={layers} pickLayerIds={PICK} onPick={onPick} tooltip={tooltip} focus={focus} onMap={setMap} />
        <div ref={brushEl} className="planner-brush" aria-hidden="true" />
        <svg className="planner-lasso" aria-hidden="true">
          <polyline ref={lassoEl} />
        </svg>
        {preview && preview.skipped.length > 0 && (
          <p className="planner-skipped" data-testid="stroke-skipped">
            {t('planner.skipped', { count: preview.skipped.length })}
          </p>
        )}
        {loading && (
          <div className="busy" role="status">
            {t('planner.updating')}
          </div>
        )}
        {error && (
          <div className="error-banner" role="alert">
            {t('planner.loadFailed', { reason: said.error(error) })}
          </div>
        )}
      </section>
      <aside className="panel side-panel planner-side" aria-label={t('planner.sideAria')}>
        <div className="segmented planner-tabs" role="tablist">
          {(['posts', 'proposals', 'compare'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? 'active' : undefined}
              onClick={() => setTab(k)}
              data-testid={`tab-${k}`}
            >
              {t(`planner.tab.${k}`)}
            </button>
          ))}
        </div>
        {/* Without a district the tabs had nothing under them: say what to do, and where. */}
        {!district && (
          <p className="muted side-empty" data-testid="side-empty">
            {t('planner.sideEmpty')}
          </p>
        )}
        {editor && metrics && detail.data && tab === 'posts' && (
          <>
            <p className="terr-hint">{t('planner.barsHint')}</p>
            <PostList
              metrics={metrics}
              posts={editor.posts}
              slots={editor.slots}
              locked={editor.state.locked}
              paint={target}
              preview={preview}
              onPaint={(p) => (setPaint(p), setTool('paint'))}
              onLock={editor.lock}
              onPieces={zoomTo}
              onAdd={editable ? editor.addPost : undefined}
              onRemove={editable ? editor.removePost : undefined}
            />
          </>
        )}
        {editor && tab === 'proposals' && inForce && (
          <ProposalsPanel editor={editor} inForce={inForce} canEdit={editable} />
        )}
        {district &&
          tab === 'compare' &&
          (inForceId === null ? (
            <p className="muted">{t('planner.noPlanInForce')}</p>
          ) : (
            <ComparePanel diff={diff.data} dirty={editor?.dirty ?? false} />
          ))}
      </aside>
    </main>
  );
}
