// A new model cooperation plan: name, district, period and its items (inspector × service × type × required count).
// Checked with the same zod schema the server uses before it is sent; the server's own refusals are shown as well.
import { useMemo, useState } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  JOINT_ACTION_LABELS,
  JOINT_ACTION_TYPES,
  SERVICES,
  SERVICE_LABELS,
  type JointActionType,
  type ServiceCode,
} from '../../../server/contract/catalog.ts';
import { PlanBody, type PlanInput } from '../../../server/contract/plans.ts';
import type { Meta } from '../../queries/meta.ts';
import { useCreatePlan, type PlanDetail } from '../../queries/plans.ts';
import { districtInspectors, type TerritoryProps } from './plan-view.ts';

interface Row {
  inspector: number | '';
  service: ServiceCode;
  type: JointActionType;
  required: string;
}

export interface PlanFormProps {
  meta: Meta;
  territories: FeatureCollection<Geometry, TerritoryProps>;
  district: string;
  period: { from: string; to: string };
  onCreated: (plan: PlanDetail) => void;
  onCancel: () => void;
}

const blank = (): Row => ({ inspector: '', service: 'criminal_investigation', type: 'joint_raid', required: '1' });

export function PlanForm({ meta, territories, district: initialDistrict, period, onCreated, onCancel }: PlanFormProps) {
  const [name, setName] = useState('');
  const [district, setDistrict] = useState(initialDistrict);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [rows, setRows] = useState<Row[]>([blank()]);
  const [issues, setIssues] = useState<string[]>([]);
  const create = useCreatePlan();
  const inspectors = useMemo(() => districtInspectors(territories, district), [territories, district]);
  const set = (k: number, patch: Partial<Row>): void =>
    setRows((rs) => rs.map((r, i) => (i === k ? { ...r, ...patch } : r)));

  const submit = async (): Promise<void> => {
    const body = {
      name,
      district,
      from,
      to,
      items: rows.map((r) => ({ ...r, inspector: r.inspector === '' ? 0 : r.inspector, required: Number(r.required) })),
    };
    const parsed = PlanBody.safeParse(body);
    if (!parsed.success) {
      setIssues(parsed.error.issues.map((i) => `${i.path.join('.') || 'plan'}: ${i.message}`));
      return;
    }
    try {
      onCreated(await create.mutateAsync(parsed.data satisfies PlanInput));
    } catch (err) {
      setIssues([err instanceof Error ? err.message : String(err)]);
    }
  };

  return (
    <form
      className="plan-form"
      data-testid="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>New cooperation plan</h2>
      <div className="form-grid">
        <label className="wide">
          Name
          <input
            data-testid="plan-name"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Cooperation plan Q1 2027 — Chilonzor"
          />
        </label>
        <label>
          District
          <select
            data-testid="plan-district"
            value={district}
            onChange={(e) => {
              setDistrict(e.target.value);
              setRows([blank()]);
            }}
          >
            {meta.districts.map((d) => (
              <option key={d.soato} value={d.soato}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" data-testid="plan-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" data-testid="plan-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <table className="coop-table items">
        <thead>
          <tr>
            <th>Inspector (territory)</th>
            <th>Service</th>
            <th>Joint action</th>
            <th className="num">Required</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={k} data-testid="plan-item">
              <td>
                <select
                  data-testid="item-inspector"
                  aria-label="Inspector (territory)"
                  value={r.inspector}
                  onChange={(e) => set(k, { inspector: e.target.value ? Number(e.target.value) : '' })}
                >
                  <option value="">Choose…</option>
                  {inspectors.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name} ({i.mahallas} mahallas)
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  data-testid="item-service"
                  aria-label="Service"
                  value={r.service}
                  onChange={(e) => set(k, { service: e.target.value as ServiceCode })}
                >
                  {SERVICES.map((s) => (
                    <option key={s} value={s}>
                      {SERVICE_LABELS[s]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  data-testid="item-type"
                  aria-label="Joint action"
                  value={r.type}
                  onChange={(e) => set(k, { type: e.target.value as JointActionType })}
                >
                  {JOINT_ACTION_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {JOINT_ACTION_LABELS[t]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="num">
                <input
                  data-testid="item-required"
                  aria-label="Required"
                  type="number"
                  min={1}
                  max={500}
                  value={r.required}
                  onChange={(e) => set(k, { required: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="remove"
                  aria-label="Remove item"
                  disabled={rows.length === 1}
                  onClick={() => setRows((rs) => rs.filter((_, i) => i !== k))}
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
        onClick={() => setRows((rs) => [...rs, { ...blank(), inspector: rs.at(-1)?.inspector ?? '' }])}
      >
        + Add item
      </button>
      {issues.length > 0 && (
        <ul className="form-issues" role="alert" data-testid="plan-issues">
          {issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn primary" data-testid="plan-save" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Create plan'}
        </button>
      </div>
    </form>
  );
}
