// Joint actions of a period: service shares, types and results; the per-mahalla map layer; the inspector × service matrix.
import type { Db, Params } from '../../db/database.ts';
import { areaSql, districtSql } from '../../selection/area.ts';
import type { Selection } from '../../selection/select.ts';
import { and, timeWindow } from '../../selection/window.ts';
import {
  JOINT_ACTION_LABELS,
  JOINT_ACTION_TYPES,
  SERVICES,
  SERVICE_LABELS,
  type JointActionType,
  type ServiceCode,
} from '../../contract/catalog.ts';
import type { Period } from '../../shared/period.ts';

/**
 * The actions of the selection (its period, in the mahallas of its area) as a SQL source named `a` with its
 * parameters; `day` is sorted at load, so the range prunes row groups.
 */
export function actionScope(sel: Selection): { sql: string; params: Params } {
  const where = and(timeWindow(sel.period, { col: 'day', type: 'DATE' }), areaSql(sel.area));
  return { sql: `(SELECT * FROM joint_actions WHERE ${where.sql}) a`, params: where.params };
}

export interface JointActionSummary {
  period: Period;
  /** the districts summed, null = all */
  districts: string[] | null;
  total: number;
  /** every service in catalog order; share = actions with the service / all actions (an action may have several) */
  services: Array<{ code: ServiceCode; label: string; actions: number; share: number }>;
  types: Array<{
    code: JointActionType;
    label: string;
    actions: number;
    personsChecked: number;
    offencesFound: number;
    wantedFound: number;
  }>;
  results: { personsChecked: number; offencesFound: number; wantedFound: number };
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

export async function getJointActionSummary(db: Db, sel: Selection): Promise<JointActionSummary> {
  const scope = actionScope(sel);
  const [types, services] = await Promise.all([
    db.all<{ type: JointActionType; n: number; checked: number; offences: number; wanted: number }>(
      `SELECT type::VARCHAR AS type, count(*)::INTEGER AS n, sum(persons_checked)::INTEGER AS checked,
              sum(offences_found)::INTEGER AS offences, sum(wanted_found)::INTEGER AS wanted
       FROM ${scope.sql} GROUP BY type`,
      scope.params,
    ),
    db.all<{ service: ServiceCode; n: number }>(
      `SELECT s.service::VARCHAR AS service, count(*)::INTEGER AS n
       FROM ${scope.sql} JOIN joint_action_services s ON s.action_id = a.id GROUP BY s.service`,
      scope.params,
    ),
  ]);
  const byType = new Map(types.map((t) => [t.type, t]));
  const byService = new Map(services.map((s) => [s.service, s.n]));
  const total = types.reduce((s, t) => s + t.n, 0);
  const typeRows = JOINT_ACTION_TYPES.map((code) => {
    const t = byType.get(code);
    return {
      code,
      label: JOINT_ACTION_LABELS[code],
      actions: t?.n ?? 0,
      personsChecked: t?.checked ?? 0,
      offencesFound: t?.offences ?? 0,
      wantedFound: t?.wanted ?? 0,
    };
  });
  return {
    period: sel.period,
    districts: sel.districts,
    total,
    services: SERVICES.map((code) => {
      const n = byService.get(code) ?? 0;
      return { code, label: SERVICE_LABELS[code], actions: n, share: total > 0 ? round4(n / total) : 0 };
    }),
    types: typeRows,
    results: {
      personsChecked: typeRows.reduce((s, t) => s + t.personsChecked, 0),
      offencesFound: typeRows.reduce((s, t) => s + t.offencesFound, 0),
      wantedFound: typeRows.reduce((s, t) => s + t.wantedFound, 0),
    },
  };
}

export interface JointActionLayer {
  period: Period;
  /** the services in bit and index order: bit i of `mask` and `dominant` = i mean `services[i]` */
  services: ServiceCode[];
  /** Columnar, mahallas with at least one action in the period, in id order. */
  ids: number[];
  actions: number[];
  /** services that took part in any of the mahalla's actions, one bit each */
  mask: number[];
  /** the service in most of its actions (ties: catalog order) */
  dominant: number[];
}

export async function getJointActionLayer(db: Db, sel: Selection): Promise<JointActionLayer> {
  const scope = actionScope(sel);
  const [perMahalla, perService] = await Promise.all([
    db.columns<{ id: number; n: number }>(
      `SELECT mahalla_id AS id, count(*)::INTEGER AS n FROM ${scope.sql} GROUP BY mahalla_id ORDER BY id`,
      scope.params,
    ),
    db.columns<{ id: number; s: number; n: number }>(
      `SELECT a.mahalla_id AS id, enum_code(s.service)::INTEGER AS s, count(*)::INTEGER AS n
       FROM ${scope.sql} JOIN joint_action_services s ON s.action_id = a.id GROUP BY ALL`,
      scope.params,
    ),
  ]);
  const mask = new Map<number, number>();
  const best = new Map<number, { s: number; n: number }>();
  perService.id.forEach((id, k) => {
    const s = perService.s[k] ?? 0;
    const n = perService.n[k] ?? 0;
    mask.set(id, (mask.get(id) ?? 0) | (1 << s));
    const b = best.get(id);
    if (!b || n > b.n || (n === b.n && s < b.s)) best.set(id, { s, n });
  });
  return {
    period: sel.period,
    services: [...SERVICES],
    ids: perMahalla.id,
    actions: perMahalla.n,
    mask: perMahalla.id.map((id) => mask.get(id) ?? 0),
    dominant: perMahalla.id.map((id) => best.get(id)?.s ?? -1),
  };
}

export interface InspectorServiceMatrix {
  period: Period;
  services: ServiceCode[];
  /** the inspectors of the district (all of them without one), with or without actions, by id */
  /** name and rank are null for an asker who may not see persons' names */
  inspectors: Array<{ id: number; name: string | null; rank: string | null; district: string }>;
  /** cells[r][s]: actions of inspector r with service s */
  cells: number[][];
  /** actions of each inspector, each counted once (not the row's sum: an action may have several services) */
  rowTotals: number[];
  /** actions with each service */
  columnTotals: number[];
  /** all actions of these inspectors, each once */
  total: number;
}

export async function getInspectorServiceMatrix(db: Db, sel: Selection): Promise<InspectorServiceMatrix> {
  const who = districtSql(sel.districts);
  const when = timeWindow(sel.period, { col: 'day', type: 'DATE' });
  const params = { ...who.params, ...when.params };
  // Actions are counted by inspector, wherever they took place, so a row adds up to the inspector's whole effort.
  const acts = `(SELECT id, inspector_id FROM joint_actions WHERE ${when.sql} AND inspector_id IN (SELECT id FROM inspectors WHERE ${who.sql})) a`;
  const [inspectors, totals, cells] = await Promise.all([
    db.all<{ id: number; name: string; rank: string; district: string }>(
      `SELECT id, name, rank, district_soato AS district FROM inspectors WHERE ${who.sql} ORDER BY id`,
      who.params,
    ),
    db.columns<{ id: number; n: number }>(
      `SELECT inspector_id AS id, count(*)::INTEGER AS n FROM ${acts} GROUP BY 1`,
      params,
    ),
    db.columns<{ id: number; s: number; n: number }>(
      `SELECT a.inspector_id AS id, enum_code(s.service)::INTEGER AS s, count(*)::INTEGER AS n
       FROM ${acts} JOIN joint_action_services s ON s.action_id = a.id GROUP BY ALL`,
      params,
    ),
  ]);
  const row = new Map(inspectors.map((r, i) => [r.id, i]));
  const grid = inspectors.map(() => SERVICES.map(() => 0));
  const rowTotals = inspectors.map(() => 0);
  const columnTotals = SERVICES.map(() => 0);
  cells.id.forEach((id, k) => {
    const r = row.get(id);
    const s = cells.s[k] ?? 0;
    const n = cells.n[k] ?? 0;
    const cellRow = r === undefined ? undefined : grid[r];
    if (!cellRow) return;
    cellRow[s] = n;
    columnTotals[s] = (columnTotals[s] ?? 0) + n;
  });
  totals.id.forEach((id, k) => {
    const r = row.get(id);
    if (r !== undefined) rowTotals[r] = totals.n[k] ?? 0;
  });
  return {
    period: sel.period,
    services: [...SERVICES],
    inspectors: sel.access.persons ? inspectors : inspectors.map((i) => ({ ...i, name: null, rank: null })),
    cells: grid,
    rowTotals,
    columnTotals,
    total: rowTotals.reduce((s, n) => s + n, 0),
  };
}
