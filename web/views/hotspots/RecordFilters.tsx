// What the map counts, and its filters: incidents by category and status, or applications by the registry they were
// written in (Form No. 1 book, Form No. 2 journal, alphabetical book) and who received them.
import {
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  RECEIVERS,
  REGISTRIES,
  type RecordSource,
} from '../../../server/contract/catalog.ts';
import { update, useUi, type UiState } from '../../state/store.ts';
import { useT } from '../../i18n/I18n.tsx';
import { codeLabel } from './records.ts';

/** `list` with `item` switched, in vocabulary order. */
export function toggle<T>(list: readonly T[], item: T, all: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return all.filter((x) => next.includes(x));
}

/** A row of on/off chips over a closed vocabulary; the last one on cannot be switched off (an empty filter means nothing). */
function ChipGroup<T extends string>({
  all,
  on,
  testId,
  set,
}: {
  all: readonly T[];
  on: readonly T[];
  testId: string;
  set: (next: T[]) => void;
}) {
  const t = useT();
  return (
    <div className="presets" data-testid={testId}>
      {all.map((c) => {
        const active = on.includes(c);
        return (
          <button
            key={c}
            type="button"
            className={active ? 'chip active' : 'chip'}
            aria-pressed={active}
            disabled={active && on.length === 1}
            onClick={() => set(toggle(on, c, all))}
          >
            {codeLabel(c, t)}
          </button>
        );
      })}
    </div>
  );
}

const SOURCES: Array<{ id: RecordSource; label: 'filters.incidents' | 'filters.applications' }> = [
  { id: 'incidents', label: 'filters.incidents' },
  { id: 'applications', label: 'filters.applications' },
];

export function RecordFilters() {
  const source = useUi((s) => s.source);
  const categories = useUi((s) => s.categories);
  const statuses = useUi((s) => s.statuses);
  const registries = useUi((s) => s.registries);
  const receivers = useUi((s) => s.receivers);
  const t = useT();
  const allCats = categories.length === INCIDENT_CATEGORIES.length;
  const set = (patch: Partial<UiState>): void => update({ ...patch, selected: null });
  return (
    <>
      <section>
        <h2>{t('filters.map')}</h2>
        <div className="segmented" role="group" aria-label={t('filters.mapCounts')} data-testid="source">
          {SOURCES.map((s) => (
            <button
              key={s.id}
              type="button"
              className={s.id === source ? 'active' : ''}
              aria-pressed={s.id === source}
              onClick={() => set({ source: s.id })}
            >
              {t(s.label)}
            </button>
          ))}
        </div>
      </section>
      {source === 'incidents' ? (
        <>
          <section>
            <h2>
              {t('filters.categories')}
              <button
                type="button"
                className="link"
                onClick={() => set({ categories: allCats ? ['property'] : [...INCIDENT_CATEGORIES] })}
              >
                {t(allCats ? 'filters.onlyOne' : 'filters.all')}
              </button>
            </h2>
            <div className="checks" data-testid="categories">
              {INCIDENT_CATEGORIES.map((c) => (
                <label key={c} className="check">
                  <input
                    type="checkbox"
                    value={c}
                    checked={categories.includes(c)}
                    disabled={categories.length === 1 && categories.includes(c)}
                    onChange={() => set({ categories: toggle(categories, c, INCIDENT_CATEGORIES) })}
                  />
                  {codeLabel(c, t)}
                </label>
              ))}
            </div>
          </section>
          <section>
            <h2>{t('filters.status')}</h2>
            <ChipGroup
              all={INCIDENT_STATUSES}
              on={statuses}
              testId="statuses"
              set={(next) => set({ statuses: next })}
            />
          </section>
        </>
      ) : (
        <>
          <section>
            <h2>{t('filters.registeredIn')}</h2>
            <ChipGroup all={REGISTRIES} on={registries} testId="registries" set={(next) => set({ registries: next })} />
          </section>
          <section>
            <h2>{t('filters.receivedBy')}</h2>
            <ChipGroup all={RECEIVERS} on={receivers} testId="receivers" set={(next) => set({ receivers: next })} />
          </section>
        </>
      )}
    </>
  );
}
