// The overload norms, editable: a value is applied when the field is left or Enter is pressed, not on every keystroke.
import { useState } from 'react';
import { NORM_DEFAULTS, NORM_KEYS, NORM_RANGE, type Norms } from '../../../server/contract/coverage.ts';
import { useT } from '../../i18n/I18n.tsx';

// `why` restates the reasoning of NORM_DEFAULTS (server/contract/coverage.ts) for the person changing the norm; the
// bounds are NORM_RANGE's, the same a link is held to. Label, unit and why are messages `coverage.norms.<field>…`.
const FIELDS: Record<keyof Norms, { msg: 'residents' | 'incidents' | 'distance'; step: number }> = {
  normResidents: { msg: 'residents', step: 500 },
  normIncidents: { msg: 'incidents', step: 5 },
  normDistanceKm: { msg: 'distance', step: 0.5 },
};

export function NormsSection({ norms, onChange }: { norms: Norms; onChange: (n: Norms) => void }) {
  const t = useT();
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
        {t('coverage.norms.title')}
        {!isDefault && (
          <button type="button" className="link" onClick={() => onChange({ ...NORM_DEFAULTS })}>
            {t('coverage.norms.defaults')}
          </button>
        )}
      </h2>
      <div className="terr-norms">
        {NORM_KEYS.map((k) => (
          <label key={k}>
            <span>{t(`coverage.norms.${FIELDS[k].msg}`)}</span>
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
            <small title={t(`coverage.norms.${FIELDS[k].msg}.why`)}>{t(`coverage.norms.${FIELDS[k].msg}.unit`)}</small>
          </label>
        ))}
      </div>
      <p className="terr-hint">{t('coverage.norms.hint')}</p>
    </section>
  );
}

const toDraft = (n: Norms): Record<keyof Norms, string> => ({
  normResidents: String(n.normResidents),
  normIncidents: String(n.normIncidents),
  normDistanceKm: String(n.normDistanceKm),
});
