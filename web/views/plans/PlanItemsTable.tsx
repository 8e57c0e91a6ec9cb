// A plan form's items: one row per inspector × service × type of joint action with its required count; rows are
// added (the new one takes the previous row's inspector, as plans list one territory's items together) and removed.
import {
  JOINT_ACTION_TYPES,
  SERVICES,
  type JointActionType,
  type ServiceCode,
} from '../../../server/contract/catalog.ts';
import { useNameOf, useT } from '../../i18n/I18n.tsx';
import { actionLabel, serviceLabel } from './plan-labels.ts';
import './PlanItemsTable.css';

export interface Row {
  inspector: number | '';
  service: ServiceCode;
  type: JointActionType;
  required: string;
}

/** A row as a new plan or a new item starts. */
export const blank = (): Row => ({
  inspector: '',
  service: 'criminal_investigation',
  type: 'joint_raid',
  required: '1',
});

export function PlanItemsTable({
  rows,
  inspectors,
  loading = false,
  onChange,
}: {
  rows: Row[];
  /** the district's inspectors, with the number of mahallas each serves */
  inspectors: Array<{ id: number; name: string; mahallas: number }>;
  /** the district's inspectors are still on their way: their pickers wait, so nobody is chosen from a stale list */
  loading?: boolean;
  onChange: (rows: Row[]) => void;
}) {
  const t = useT();
  const nameOf = useNameOf();
  const set = (k: number, patch: Partial<Row>): void =>
    onChange(rows.map((r, i) => (i === k ? { ...r, ...patch } : r)));
  return (
    <>
      <table className="coop-table items" aria-label={t('plans.form.items')}>
        <thead>
          <tr>
            <th scope="col" className="i-inspector">
              {t('plans.col.inspectorTerritory')}
            </th>
            {/* A service or a joint action names itself in its picker; their headings are for screen readers. */}
            <th scope="col" className="i-service visually-hidden">
              {t('plans.col.service')}
            </th>
            <th scope="col" className="i-action visually-hidden">
              {t('plans.col.action')}
            </th>
            <th scope="col" className="i-required num">
              {t('plans.col.required')}
            </th>
            <th scope="col" className="i-remove" aria-label={t('plans.form.remove')} />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={k} data-testid="plan-item">
              <td className="i-inspector">
                <select
                  data-testid="item-inspector"
                  aria-label={t('plans.form.itemInspector', { n: k + 1 })}
                  value={r.inspector}
                  disabled={loading}
                  aria-busy={loading}
                  onChange={(e) => set(k, { inspector: e.target.value ? Number(e.target.value) : '' })}
                >
                  <option value="">{t('plans.form.choose')}</option>
                  {inspectors.map((i) => (
                    <option key={i.id} value={i.id}>
                      {t('plans.form.inspectorOption', { name: nameOf(i.name), count: i.mahallas })}
                    </option>
                  ))}
                </select>
              </td>
              <td className="i-service">
                <select
                  data-testid="item-service"
                  aria-label={t('plans.form.itemService', { n: k + 1 })}
                  value={r.service}
                  onChange={(e) => set(k, { service: e.target.value as ServiceCode })}
                >
                  {SERVICES.map((s) => (
                    <option key={s} value={s}>
                      {serviceLabel(t, s)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="i-action">
                <select
                  data-testid="item-type"
                  aria-label={t('plans.form.itemAction', { n: k + 1 })}
                  value={r.type}
                  onChange={(e) => set(k, { type: e.target.value as JointActionType })}
                >
                  {JOINT_ACTION_TYPES.map((a) => (
                    <option key={a} value={a}>
                      {actionLabel(t, a)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="i-required num">
                <input
                  data-testid="item-required"
                  aria-label={t('plans.form.itemRequired', { n: k + 1 })}
                  type="number"
                  min={1}
                  max={500}
                  value={r.required}
                  onChange={(e) => set(k, { required: e.target.value })}
                />
              </td>
              <td className="i-remove">
                <button
                  type="button"
                  className="remove"
                  aria-label={t('plans.form.removeItem', { n: k + 1 })}
                  disabled={rows.length === 1}
                  onClick={() => onChange(rows.filter((_, i) => i !== k))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="link add"
        data-testid="add-item"
        onClick={() => onChange([...rows, { ...blank(), inspector: rows.at(-1)?.inspector ?? '' }])}
      >
        {t('plans.form.addItem')}
      </button>{' '}
    </>
  );
}
