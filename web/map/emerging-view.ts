// The emerging hot-spot view of the map: each mahalla coloured by its class, the legend listing only the classes
// that occur, in the language in force (or the one `t` speaks). Pure, like metric-values.ts whose MetricView it fills.
import type { Inference } from '../../server/contract/hotspots.ts';
import { activeLocale, activeT, type Translate } from '../i18n/translate.ts';
import type { Locale } from '../i18n/locales.ts';
import { fmtInt, formatPeriod } from '../format.ts';
import { EMERGING_COLORS } from './colors.ts';
import { areaName } from './inference-text.ts';
import { NEUTRAL, type MetricView } from './metric-values.ts';

export interface EmergingColumns {
  ids: number[];
  category: number[];
  classes: Array<{ id: string; label: string }>;
  params: {
    source: 'incidents' | 'applications';
    bin: string;
    bins: number;
    from: string;
    to: string;
    inference: Inference;
  };
  tooFew: { records: number; needed: number; bins: number } | null;
}

/**
 * Emerging hot spot classes; the legend lists only the classes that occur, or says why there are none to show. Its
 * period is written as the language writes dates ("9 авг. – 31 окт. 2026 г."), and the long note folds (`foldNote`):
 * a national map has a dozen classes, and note and classes together ran off a 900 px screen.
 */
export function emergingView(
  e: EmergingColumns,
  t: Translate = activeT(),
  locale: Locale = activeLocale(),
): MetricView {
  const { bin, bins } = e.params;
  const valueById = new Map<number, number>();
  const present = new Map<number, number>();
  e.ids.forEach((id, i) => {
    const code = e.category[i] ?? 0;
    valueById.set(id, e.tooFew ? Number.NaN : code);
    present.set(code, (present.get(code) ?? 0) + 1);
  });
  const codes = e.tooFew ? [] : [...present.keys()].sort((a, b) => a - b);
  const inf = e.params.inference;
  return {
    valueById,
    scale: {
      breaks: [],
      colors: codes.map((c) => EMERGING_COLORS[c] ?? NEUTRAL),
      colorOf: (v) => EMERGING_COLORS[v] ?? NEUTRAL,
    },
    label: t('mv.emergingTitle'),
    unit: '',
    classes: codes.map((c) => `${emergingClassLabel(e.classes[c], t) ?? c} (${fmtInt(present.get(c) ?? 0, locale)})`),
    foldNote: true,
    note:
      t('mv.emergingNote', {
        bin,
        bins,
        period: formatPeriod({ from: e.params.from, to: e.params.to }, locale),
        source: e.params.source,
        area: areaName(inf, t),
        q: Math.round((inf.fdr?.q ?? 0) * 100),
      }) + (e.tooFew ? ` ${t('mv.hatchedNotTested')}` : ''),
    ...(e.tooFew
      ? {
          notice: t('mv.emergingTooFew', {
            source: e.params.source,
            thin: e.tooFew.bins,
            bins,
            bin,
            records: fmtInt(e.tooFew.records, locale),
            needed: fmtInt(e.tooFew.needed, locale),
          }),
        }
      : {}),
  };
}

/** An emerging class as the server names it (its id), in the language of `t`; the server's English if unknown. */
export function emergingClassLabel(
  cls: { id: string; label: string } | undefined,
  t: Translate = activeT(),
): string | undefined {
  if (!cls) return undefined;
  const id = `emerging.${cls.id}`;
  const text = t(id as 'emerging.none');
  return text === id ? cls.label : text;
}
