// A model cooperation plan's form, new or edited: name, district, period and its items (inspector × service × type ×
// required count). The inspectors offered are the chosen district's, fetched as territory columns (a few KiB; the
// coverage page asks the same), not read off every mahalla's polygon. Checked with the same zod schema the server
// uses before it is sent; the server's own refusals are shown as well. Saving changes to a plan with recorded
// fulfilment asks first (its state is archived), and leaving the form with unsaved changes asks too.
import { useMemo, useRef, useState } from 'react';
import { PlanBody, type PlanInput } from '../../../server/contract/plans.ts';
import type { Meta } from '../../queries/meta.ts';
import { useTerritoryColumns } from '../../queries/coverage.ts';
import { useCreatePlan, useReplacePlan, type PlanDetail } from '../../queries/plans.ts';
import { useByName, useNameOf, useT } from '../../i18n/I18n.tsx';
import { useApiErrors } from '../../i18n/api-error.ts';
import { DateField } from '../common/DateField.tsx';
import { usePanelFocus } from '../common/panel-focus.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { useLeaveGuard } from '../common/leave-guard.tsx';
import { blank, PlanItemsTable, type Row } from './PlanItemsTable.tsx';
import { districtInspectors } from './plan-view.ts';
import { shownName, typedName, useSayName } from '../../i18n/system-names.ts';

export interface PlanFormProps {
  meta: Meta;
  district: string;
  period: { from: string; to: string };
  /** the plan to edit; absent for a new one */
  editing?: PlanDetail;
  onSaved: (plan: PlanDetail) => void;
  onCancel: () => void;
}

const rowsOf = (p: PlanDetail): Row[] =>
  p.items.map((i) => ({ inspector: i.inspector, service: i.service, type: i.type, required: String(i.required) }));

export function PlanForm({ meta, district: initialDistrict, period, editing, onSaved, onCancel }: PlanFormProps) {
  const t = useT();
  const said = useApiErrors();
  const nameOf = useNameOf();
  const byName = useByName();
  const say = useSayName();
  const initial = useMemo(
    () => ({
      name: editing?.name ?? '',
      district: editing?.district ?? initialDistrict,
      from: editing?.from ?? period.from,
      to: editing?.to ?? period.to,
      rows: editing ? rowsOf(editing) : [blank()],
    }),
    [editing, initialDistrict, period.from, period.to],
  );
  const [name, setName] = useState(initial.name);
  const [district, setDistrict] = useState(initial.district);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [rows, setRows] = useState<Row[]>(initial.rows);
  const [issues, setIssues] = useState<string[]>([]);
  const [asking, setAsking] = useState(false);
  const create = useCreatePlan();
  const replace = useReplacePlan();
  const pending = create.isPending || replace.isPending;
  const form = useRef<HTMLFormElement>(null);
  const dirty = JSON.stringify({ name, district, from, to, rows }) !== JSON.stringify(initial);
  const guard = useLeaveGuard(dirty && !pending, form);
  const recorded = editing?.items.reduce((s, i) => s + i.done, 0) ?? 0;
  // The previous district's answer stands in while the next one loads: it offers nobody, as it holds other districts.
  const territories = useTerritoryColumns(district);
  const inspectors = useMemo(
    () => (territories.data ? byName(districtInspectors(territories.data, district), (i) => nameOf(i.name)) : []),
    [territories.data, district, byName, nameOf],
  );
  const shownIssues = territories.error ? [said.error(territories.error), ...issues] : issues;
  // Cancel, the Cancel button and Escape alike: with unsaved changes it asks first.
  const cancel = (): void => (dirty ? guard.ask(onCancel) : onCancel());
  usePanelFocus(form, cancel);

  const submit = async (confirmed: boolean): Promise<void> => {
    const body = {
      name,
      district,
      from,
      to,
      items: rows.map((r) => ({ ...r, inspector: r.inspector === '' ? 0 : r.inspector, required: Number(r.required) })),
    };
    const parsed = PlanBody.safeParse(body);
    if (!parsed.success) {
      setIssues(parsed.error.issues.map((i) => `${i.path.join('.') || t('plans.form.plan')}: ${said.zod(i, body)}`));
      return;
    }
    if (editing && recorded > 0 && !confirmed) {
      setAsking(true);
      return;
    }
    try {
      const input = parsed.data satisfies PlanInput;
      onSaved(
        editing
          ? await replace.mutateAsync({
              id: editing.id,
              input: { ...input, version: editing.version },
              confirm: confirmed,
            })
          : await create.mutateAsync(input),
      );
    } catch (err) {
      setIssues([said.error(err)]);
    }
  };

  return (
    <form
      ref={form}
      tabIndex={-1}
      className="plan-form"
      data-testid="plan-form"
      aria-labelledby="plan-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <h2 id="plan-form-title">{editing ? t('plans.form.editTitle') : t('plans.form.newTitle')}</h2>
      <div className="form-grid">
        <label className="wide">
          {t('plans.form.name')}
          <input
            data-testid="plan-name"
            value={shownName(initial.name, name, say)}
            maxLength={120}
            onChange={(e) => setName(typedName(initial.name, e.target.value, say))}
            placeholder={t('plans.form.namePlaceholder')}
          />
        </label>
        <label>
          {t('plans.form.district')}
          <select
            data-testid="plan-district"
            value={district}
            onChange={(e) => {
              setDistrict(e.target.value);
              setRows([blank()]);
            }}
          >
            {byName(meta.districts, (d) => nameOf(d.name)).map((d) => (
              <option key={d.soato} value={d.soato}>
                {nameOf(d.name)}
              </option>
            ))}
          </select>
        </label>
        <DateField label={t('plans.form.from')} testId="plan-from" value={from} onChange={setFrom} />
        <DateField label={t('plans.form.to')} testId="plan-to" value={to} min={from} onChange={setTo} />
      </div>
      <PlanItemsTable
        rows={rows}
        inspectors={inspectors}
        loading={territories.isPending || territories.isPlaceholderData}
        onChange={setRows}
      />
      {shownIssues.length > 0 && (
        <ul className="form-issues" role="alert" data-testid="plan-issues">
          {shownIssues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="btn" data-testid="plan-cancel" onClick={cancel}>
          {t('plans.form.cancel')}
        </button>
        <button type="submit" className="btn primary" data-testid="plan-save" disabled={pending}>
          {pending ? t('plans.form.saving') : editing ? t('plans.form.saveChanges') : t('plans.form.create')}
        </button>
      </div>
      {asking && (
        <ConfirmDialog
          title={t('plans.archiveSave.title')}
          confirmLabel={t('plans.archiveSave.confirm')}
          cancelLabel={t('plans.form.keepEditing')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void submit(true);
          }}
        >
          <p>{t('plans.archiveSave.body', { count: recorded })}</p>
        </ConfirmDialog>
      )}
      {guard.dialog}
    </form>
  );
}
