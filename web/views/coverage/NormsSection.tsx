// The overload norms, editable: a value is applied when the field is left or Enter is pressed, not on every keystroke.
import { useState } from 'react';
import { NORM_DEFAULTS, NORM_KEYS, NORM_RANGE, type Norms } from '../../../server/contract/coverage.ts';

// `why` restates the reasoning of NORM_DEFAULTS (server/contract/coverage.ts) for the person changing the norm; the
// bounds are NORM_RANGE's, the same a link is held to.
const FIELDS: Record<keyof Norms, { label: string; unit: string; why: string; step: number }> = {
  normResidents: {
    label: 'Residents per inspector',
    unit: 'residents',
    why: 'default ≈ 3 average Tashkent mahallas; the model is one inspector per mahalla',
    step: 500,
  },
  normIncidents: {
    label: 'Incidents per 30 days',
    unit: 'scaled to the period',
    why: 'default ≈ 2 a day, beyond what one inspector can follow up',
    step: 5,
  },
  normDistanceKm: {
    label: 'Farthest mahalla from base point',
    unit: 'km',
    why: 'default: reachable in about a quarter of an hour in the city',
    step: 0.5,
  },
};

export function NormsSection({ norms, onChange }: { norms: Norms; onChange: (n: Norms) => void }) {
  const [draft, setDraft] = useState<Record<keyof Norms, string>>(() => toDraft(norms));
  // The norms can also change from outside the fields (Defaults, back/forward): the draft then follows them. Set
  // while rendering, React's pattern for state derived from a prop, so no stale draft is ever painted.
  const [shown, setShown] = useState(norms);
  if (shown !== norms) {
    setShown(norms);
    setDraft(toDraft(norms));
  }
  const commit = (key: keyof Norms): void => {
    const v = Number(draft[key]);
    const f = NORM_RANGE[key];
    if (!Number.isFinite(v) || v < f.min || v > f.max) {
      setDraft((d) => ({ ...d, [key]: String(norms[key]) }));
      return;
    }
    if (v !== norms[key]) onChange({ ...norms, [key]: Math.round(v * 100) / 100 });
  };
  const isDefault = NORM_KEYS.every((k) => norms[k] === NORM_DEFAULTS[k]);
  return (
    <section data-testid="norms">
      <h2>
        Overload norms
        {!isDefault && (
          <button type="button" className="link" onClick={() => onChange({ ...NORM_DEFAULTS })}>
            Defaults
          </button>
        )}
      </h2>
      <div className="terr-norms">
        {NORM_KEYS.map((k) => (
          <label key={k}>
            <span>{FIELDS[k].label}</span>
            <input
              type="number"
              data-testid={`norm-${k}`}
              min={NORM_RANGE[k].min}
              max={NORM_RANGE[k].max}
              step={FIELDS[k].step}
              value={draft[k]}
              onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))}
              onBlur={() => commit(k)}
              onKeyDown={(e) => e.key === 'Enter' && commit(k)}
            />
            <small title={FIELDS[k].why}>{FIELDS[k].unit}</small>
          </label>
        ))}
      </div>
      <p className="terr-hint">
        A territory over any norm is flagged with its reason. No published per-resident norm was found: the defaults
        mark territories far beyond one inspector per mahalla (hover a unit for why).
      </p>
    </section>
  );
}

const toDraft = (n: Norms): Record<keyof Norms, string> => ({
  normResidents: String(n.normResidents),
  normIncidents: String(n.normIncidents),
  normDistanceKm: String(n.normDistanceKm),
});
