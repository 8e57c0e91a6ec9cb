// The plans page: the list of model cooperation plans, the selected plan's fulfilment on the map (each territory in
// the colour of its state) and in tables, and the form for a new plan. The chosen plan and its tab live in the UI
// store (a link reopens them); the form, hover highlight and just-deleted ids are moments, kept here.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { PLAN_STATES } from '../../../server/contract/catalog.ts';
import { quarters } from '../../../server/shared/fulfilment.ts';
import { useMeta } from '../../queries/meta.ts';
import { useMahallaIndex } from '../../queries/mahallas.ts';
import { tileOutlines } from '../../map/mahalla-layers.ts';
import { usePlan, usePlans } from '../../queries/plans.ts';
import { can, useSession } from '../../queries/session.ts';
import { getState, update, useUi } from '../../state/store.ts';
import { BaseMap } from '../../map/BaseMap.tsx';
import { useFmt, useNameOf, useT } from '../../i18n/I18n.tsx';
import { stateLabel } from './plan-labels.ts';
import { cssOf } from '../cooperation/services.ts';
import { PlanDetailView } from './PlanDetailView.tsx';
import { planPct, Progress, StateBadge } from './PlanTable.tsx';
import { PlanForm } from './PlanForm.tsx';
import { PLAN_LAYER_IDS, planLayers } from './layers.ts';
import { STATE_COLORS, type TerritoryProps } from './plan-view.ts';
import { nextPeriod } from '../../../server/shared/period.ts';
import '../cooperation/cooperation.css';
import { LoadState } from '../common/LoadState.tsx';
import { PageMapExport } from '../common/PageMapExport.tsx';
import { MapLegend } from '../common/MapLegend.tsx';
import { useSayName } from '../../i18n/system-names.ts';

const PICK = [PLAN_LAYER_IDS.fill];

export function PlansPage() {
  const t = useT();
  const f = useFmt();
  const nameOf = useNameOf();
  const say = useSayName();
  const session = useSession();
  const meta = useMeta();
  // Every district's mahallas (the index; the map draws them from tiles): a plan's district is drawn among its
  // neighbours. The form fetches the inspectors of the district it is set to (PlanForm.tsx), never the polygons.
  const territories = useMahallaIndex();
  const district = useUi((s) => s.district);
  const plans = usePlans();
  const chosen = useUi((s) => s.plan);
  // The form is open for a new plan ('new') or for the plan shown ('edit').
  const [form, setForm] = useState<'new' | 'edit' | null>(null);
  const creating = form !== null;
  const setCreating = (open: boolean): void => setForm(open ? 'new' : null);
  const [highlight, setHighlight] = useState<number[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<number>>(new Set());
  // Until the user picks one, the newest plan (the running one in the demo) is shown; never one just deleted (the list
  // still holds it until it has reloaded). A linked plan that no longer exists falls back the same way; one just
  // created or copied is trusted while the list reloads.
  const listed = plans.isFetching || chosen === null || plans.data?.some((p) => p.id === chosen);
  const selectedId = (listed ? chosen : null) ?? plans.data?.find((p) => !removed.has(p.id))?.id ?? null;
  const plan = usePlan(selectedId);
  useEffect(() => setHighlight([]), [selectedId]);
  // A plan belongs to one district: opening it makes that the district of every page, so the map fits it.
  const planDistrict = plan.data?.district;
  useEffect(() => {
    if (planDistrict && planDistrict !== getState().district)
      update({ district: planDistrict, selected: null, view: null });
  }, [planDistrict]);

  const features = territories.data;
  const cells = plan.data?.id === selectedId ? plan.data?.mahallas : undefined;
  const layers = useMemo(
    () => planLayers(features, cells, { highlight, dataKey: `${plan.data?.id ?? 0}|${plan.dataUpdatedAt}` }),
    [features, cells, highlight, plan.data?.id, plan.dataUpdatedAt],
  );
  const territoryOf = useMemo(() => {
    const m = new Map<number, { name: string; pct: number; mahallas: number[] }>();
    for (const r of plan.data?.byInspector ?? [])
      for (const id of r.mahallas)
        m.set(id, {
          name: f.inspector(r.name ? nameOf(r.name) : r.name, r.inspector),
          pct: r.pct,
          mahallas: r.mahallas,
        });
    return m;
  }, [plan.data, f, nameOf]);
  const onPick = useCallback(
    (object: unknown) => {
      const id = (object as { properties?: TerritoryProps } | null)?.properties?.id;
      setHighlight(id === undefined ? [] : (territoryOf.get(id)?.mahallas ?? []));
    },
    [territoryOf],
  );
  const tooltip = useCallback(
    ({ object }: PickingInfo): string | null => {
      const p = (object as { properties?: TerritoryProps } | null)?.properties;
      if (!p) return null;
      const o = territoryOf.get(p.id);
      return `${nameOf(p.name)}\n${o ? t('plans.tooltip.done', { name: o.name, pct: o.pct }) : t('plans.tooltip.outside')}`;
    },
    [territoryOf, t, nameOf],
  );
  // The writes themselves refresh the list (queries/plans.ts); here the page only moves to what was written.
  const changed = useCallback((selectId: number) => {
    update({ plan: selectId });
    setForm(null);
  }, []);
  const deleted = useCallback((id: number) => {
    setRemoved((r) => new Set([...r, id]));
    update({ plan: null });
  }, []);

  // A new plan defaults to the quarter after the one the data ends in.
  const current = meta.data ? quarters(meta.data.period.end).current : null;
  const formPeriod = current ? nextPeriod(current) : null;
  const outlines = useMemo(() => tileOutlines(false), []);
  const loading = plans.isFetching || plan.isFetching || territories.isFetching;
  const error = plans.error ?? plan.error;
  return (
    <main className="workspace coop-workspace plans-workspace">
      <aside className="panel" aria-label={t('plans.panel')}>
        <section>
          <h2>{t('plans.title')}</h2>
          {can(session.data, 'plans.write') && (
            <button
              type="button"
              className="btn primary block"
              data-testid="plan-new"
              data-leaves
              onClick={() => setCreating(true)}
            >
              {t('plans.new')}
            </button>
          )}
        </section>
        <ol className="plan-list" data-testid="plan-list">
          {plans.data
            ?.filter((p) => !removed.has(p.id))
            .map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className={p.id === selectedId && !creating ? 'plan-card active' : 'plan-card'}
                  data-plan={p.id}
                  data-leaves
                  onClick={() => {
                    update({ plan: p.id });
                    setCreating(false);
                  }}
                >
                  <span className="plan-card-name">{say(p.name)}</span>
                  <span className="muted small">
                    {nameOf(p.districtName)} · {f.day(p.from)} – {f.day(p.to)}
                    {p.schedule.ended ? ` · ${t('plans.ended')}` : ''}
                  </span>
                  <span className="plan-card-progress">
                    <Progress pct={p.totals.pct} state={p.totals.state} />
                    <span className="num">{planPct(p.totals.pct, f)}</span>
                    <StateBadge state={p.totals.state} />
                  </span>
                </button>
              </li>
            ))}
        </ol>
        {plans.data?.length === 0 && <p className="summary">{t('plans.none')}</p>}
        {meta.data && <p className="summary">{t('plans.countedTo', { day: f.day(meta.data.period.end) })}</p>}
      </aside>
      <section className="map-area" aria-label={t('filters.map')} data-loading={loading ? 'true' : 'false'}>
        <BaseMap layers={layers} pickLayerIds={PICK} onPick={onPick} tooltip={tooltip} outlines={outlines} />
        <MapLegend page="plans" className="plan-legend" testId="plan-legend" title={t('plans.legend.title')}>
          <ul className="ramp">
            {PLAN_STATES.map((s) => (
              <li key={s}>
                <span className="swatch" style={{ background: cssOf(STATE_COLORS[s]) }} />
                {stateLabel(t, s)}
              </li>
            ))}
            <li>
              <span className="swatch" style={{ background: 'transparent' }} />
              {t('plans.legend.outside')}
            </li>
          </ul>
          <p className="note">{t(district ? 'plans.legend.note' : 'plans.legend.noteClick')}</p>
        </MapLegend>
        <PageMapExport
          page="plans"
          title={plan.data ? `${t('plans.legend.title')}: ${plan.data.name}` : t('plans.legend.title')}
          period={plan.data ? { from: plan.data.from, to: plan.data.to } : null}
        />
        <LoadState loading={loading} error={error} what={t('plans.what')} />
      </section>
      <section className="coop-report" aria-label={t('plans.report')}>
        <div className="report-body">
          {creating && meta.data && formPeriod && (
            <PlanForm
              meta={meta.data}
              key={form === 'edit' ? `edit-${plan.data?.id}` : 'new'}
              district={district ?? plan.data?.district ?? meta.data.districts[0]?.soato ?? ''}
              period={formPeriod}
              editing={form === 'edit' ? plan.data : undefined}
              onSaved={(p) => changed(p.id)}
              onCancel={() => setForm(null)}
            />
          )}
          {!creating && plan.data && (
            <PlanDetailView
              plan={plan.data}
              onChanged={changed}
              onDeleted={deleted}
              onEdit={() => setForm('edit')}
              onHighlight={setHighlight}
            />
          )}
          {!creating && !plan.data && !plan.isFetching && <p className="empty">{t('plans.choose')}</p>}
        </div>
      </section>
    </main>
  );
}
