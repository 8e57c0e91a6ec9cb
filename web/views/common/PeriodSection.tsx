// Period choice shared by every page: presets ending on the last day of data, and explicit from/to dates.
import { useId, type ReactNode } from 'react';
import { update } from '../../state/store.ts';
import type { RangeArgs } from '../../queries/range.ts';
import type { Meta } from '../../queries/meta.ts';
import { lastDays } from '../../../server/shared/period.ts';
import { useByName, useNameOf, useT } from '../../i18n/I18n.tsx';
import { DateField } from './DateField.tsx';

const PRESETS = [7, 30, 90, 365];

/** `children` go below the dates (e.g. the comparison toggle and the period's totals). */
export function PeriodSection({ meta, range, children }: { meta: Meta; range: RangeArgs; children?: ReactNode }) {
  const t = useT();
  return (
    <section>
      <h2>{t('period.title')}</h2>
      <div className="presets">
        {PRESETS.map((p) => {
          const r = lastDays(meta.period.end, p);
          const active = r.from === range.from && r.to === range.to;
          return (
            <button
              key={p}
              type="button"
              className={active ? 'chip active' : 'chip'}
              aria-pressed={active}
              onClick={() => update({ ...r, selected: null, at: null })}
            >
              {p === 365 ? t('period.year') : t('period.days', { count: p })}
            </button>
          );
        })}
      </div>
      <div className="dates">
        <DateField
          label={t('period.from')}
          testId="from"
          value={range.from}
          min={meta.period.start}
          max={range.to}
          onChange={(from) => update({ from, at: null })}
        />
        <DateField
          label={t('period.to')}
          testId="to"
          value={range.to}
          min={range.from}
          max={meta.period.end}
          onChange={(to) => update({ to, at: null })}
        />
      </div>
      {children}
    </section>
  );
}

/**
 * District choice shared by every page; choosing one clears the selection (mahalla and inspector, which belong to a
 * district) and lets the camera fit it.
 */
export function DistrictSection({ meta, district }: { meta: Meta; district: string | null | undefined }) {
  const t = useT();
  const nameOf = useNameOf();
  const byName = useByName();
  const heading = useId();
  return (
    <section>
      <h2 id={heading}>{t('district.title')}</h2>
      <select
        data-testid="district"
        aria-labelledby={heading}
        value={district ?? ''}
        onChange={(e) => update({ district: e.target.value || null, selected: null, inspector: null, view: null })}
      >
        <option value="">{t('district.all')}</option>
        {byName(meta.districts, (d) => nameOf(d.name)).map((d) => (
          <option key={d.soato} value={d.soato}>
            {nameOf(d.name)} ({d.mahallas})
          </option>
        ))}
      </select>
    </section>
  );
}
