// What the map counts, and its filters: incidents by category and status, or applications by the registry they were
// written in (Form No. 1 book, Form No. 2 journal, alphabetical book) and who received them.
import {
  CATEGORY_LABELS,
  INCIDENT_CATEGORIES,
  INCIDENT_STATUSES,
  RECEIVERS,
  RECEIVER_LABELS,
  REGISTRIES,
  REGISTRY_LABELS,
  STATUS_LABELS,
  type RecordSource,
} from '../../../server/contract/catalog.ts';
import { update, useUi, type UiState } from '../../state/store.ts';

/** `list` with `item` switched, in vocabulary order. */
export function toggle<T>(list: readonly T[], item: T, all: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return all.filter((x) => next.includes(x));
}

/** A row of on/off chips over a closed vocabulary; the last one on cannot be switched off (an empty filter means nothing). */
function ChipGroup<T extends string>({
  all,
  on,
  labels,
  testId,
  set,
}: {
  all: readonly T[];
  on: readonly T[];
  labels: Record<T, string>;
  testId: string;
  set: (next: T[]) => void;
}) {
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
            {labels[c]}
          </button>
        );
      })}
    </div>
  );
}

const SOURCES: Array<{ id: RecordSource; label: string }> = [
  { id: 'incidents', label: 'Incidents' },
  { id: 'applications', label: 'Applications' },
];

export function RecordFilters() {
  const source = useUi((s) => s.source);
  const categories = useUi((s) => s.categories);
  const statuses = useUi((s) => s.statuses);
  const registries = useUi((s) => s.registries);
  const receivers = useUi((s) => s.receivers);
  const allCats = categories.length === INCIDENT_CATEGORIES.length;
  const set = (patch: Partial<UiState>): void => update({ ...patch, selected: null });
  return (
    <>
      <section>
        <h2>Map</h2>
        <div className="segmented" role="group" aria-label="What the map counts" data-testid="source">
          {SOURCES.map((s) => (
            <button
              key={s.id}
              type="button"
              className={s.id === source ? 'active' : ''}
              aria-pressed={s.id === source}
              onClick={() => set({ source: s.id })}
            >
              {s.label}
            </button>
          ))}
        </div>
      </section>
      {source === 'incidents' ? (
        <>
          <section>
            <h2>
              Categories
              <button
                type="button"
                className="link"
                onClick={() => set({ categories: allCats ? ['property'] : [...INCIDENT_CATEGORIES] })}
              >
                {allCats ? 'Only one' : 'All'}
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
                  {CATEGORY_LABELS[c]}
                </label>
              ))}
            </div>
          </section>
          <section>
            <h2>Status</h2>
            <ChipGroup
              all={INCIDENT_STATUSES}
              on={statuses}
              labels={STATUS_LABELS}
              testId="statuses"
              set={(next) => set({ statuses: next })}
            />
          </section>
        </>
      ) : (
        <>
          <section>
            <h2>Registered in</h2>
            <ChipGroup
              all={REGISTRIES}
              on={registries}
              labels={REGISTRY_LABELS}
              testId="registries"
              set={(next) => set({ registries: next })}
            />
          </section>
          <section>
            <h2>Received by</h2>
            <ChipGroup
              all={RECEIVERS}
              on={receivers}
              labels={RECEIVER_LABELS}
              testId="receivers"
              set={(next) => set({ receivers: next })}
            />
          </section>
        </>
      )}
    </>
  );
}
