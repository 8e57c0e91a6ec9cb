// Names and notes Hamkor writes itself (seeded territory versions, the first playlist, the demo accounts and plans):
// stored in English as ever, and recognised here by their exact text so that the web says them in the reader's
// language (web/i18n/system-names.ts). Anything else — a name a person typed, or renamed a system one to — is shown
// as typed. Matching the text, not a stored flag, needs no upgrade of the user store (nothing typed is rewritten) and
// also covers stores seeded before this. Isomorphic: the seeds take their texts from here, so the two cannot drift.

/** Exact texts the system writes, by message id (web/i18n/messages: "system.<id>"). */
export const SYSTEM_TEXTS = {
  territoryBaselineName: 'Plan in force when versions began',
  territoryBaselineReason:
    'The territories as the analytics database assigned them; the order’s number and date were not recorded.',
  defaultPlaylist: 'Morning briefing',
  demoAdmin: 'Demo administrator',
  demoMinistry: 'Demo ministry analyst',
  demoRegionHead: 'Demo region head',
  demoDistrictHead: 'Demo district head',
  demoPlanner: 'Demo planner',
  demoAnalyst: 'Demo analyst',
  demoInspector: 'Demo inspector',
} as const;

export type SystemTextId = keyof typeof SYSTEM_TEXTS | 'demoPlan';

/** A system text recognised: its message id and the values the message takes. */
export interface SystemText {
  id: SystemTextId;
  values: Record<string, string>;
  /** a copy's period as copyPlan appends it to the name ("… (2026-10-01 – 2026-12-31)"), ISO days */
  copy: { from: string; to: string } | null;
}

const BY_TEXT = new Map<string, SystemTextId>(
  Object.entries(SYSTEM_TEXTS).map(([id, text]) => [text, id as SystemTextId]),
);
const DEMO_PLAN = /^Cooperation plan Q([1-4]) (\d{4}) — (.+)$/;
/** The suffix copyPlan gives a copied plan's name (server/services/plans/store.ts). */
export const COPY_SUFFIX = / \((\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})\)$/;

/**
 * The name of a demo cooperation plan for a quarter (1–4) of a year in a district (its stored Latin name).
 * @example demoPlanName(3, '2026', 'Chilonzor tumani') // 'Cooperation plan Q3 2026 — Chilonzor tumani'
 */
export const demoPlanName = (quarter: number, year: string, district: string): string =>
  `Cooperation plan Q${quarter} ${year} — ${district}`;

/**
 * The system text `text` is, or null for a text a person wrote. A demo plan's values are its quarter, year and
 * district (the stored Latin name, for the caller to show in the reader's script).
 * @example systemText('Morning briefing') // { id: 'defaultPlaylist', values: {}, copy: null }
 * @example systemText('Cooperation plan Q3 2026 — Chilonzor tumani (2026-10-01 – 2026-12-31)')
 * // { id: 'demoPlan', values: { quarter: '3', year: '2026', district: 'Chilonzor tumani' }, copy: { from: '2026-10-01', to: '2026-12-31' } }
 * @example systemText('Morning briefing, Chilonzor') // null
 */
export function systemText(text: string): SystemText | null {
  const c = COPY_SUFFIX.exec(text);
  const base = c ? text.slice(0, c.index) : text;
  const copy = c ? { from: c[1] as string, to: c[2] as string } : null;
  const id = BY_TEXT.get(base);
  if (id) return { id, values: {}, copy };
  const plan = DEMO_PLAN.exec(base);
  if (plan)
    return {
      id: 'demoPlan',
      values: { quarter: plan[1] as string, year: plan[2] as string, district: plan[3] as string },
      copy,
    };
  return null;
}

/**
 * `stored` in the words of `t` when the system wrote it, else unchanged; a demo plan's district by `nameOf` (the
 * reader's script), a copied plan's period by `day`. The web's names (web/i18n/system-names.ts) and the server's
 * exports (server/services/export/text.ts) both say names through this.
 * @example sayName('Morning briefing', translator('ru'), nameOf, day) // 'Утренний брифинг'
 * @example sayName('Plan of 3 May', translator('ru'), nameOf, day) // 'Plan of 3 May' (typed by a person)
 */
export function sayName(
  stored: string,
  t: (id: `system.${SystemTextId}`, values: Record<string, string>) => string,
  nameOf: (name: string) => string,
  day: (iso: string) => string,
): string {
  const s = systemText(stored);
  if (!s) return stored;
  const values = s.values.district === undefined ? s.values : { ...s.values, district: nameOf(s.values.district) };
  const said = t(`system.${s.id}`, values);
  return s.copy ? `${said} (${day(s.copy.from)} – ${day(s.copy.to)})` : said;
}

/**
 * Whether a vacant post's label only says that it is vacant (the system's "Vacant post 3", or a typed one in any of
 * the languages): the print page and the annex files then say "vacant post" in the reader's words, else they keep the
 * label beside them.
 * @example saysVacant('Vacant post 3') // true
 * @example saysVacant('Bog‘bon') // false
 */
export const saysVacant = (label: string): boolean => /vacant|boʻsh|вакант|бўш/i.test(label);
