// District and region labels on the map in the language in force: the boundaries carry the stored Latin name, the map
// shows the official one ("ЧИЛАНЗАРСКИЙ РАЙОН" in Russian, "ЧИЛОНЗОР ТУМАНИ" in Cyrillic Uzbek) through useNameOf.
import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import { useNameOf } from '../i18n/I18n.tsx';

// The generic word is left out on the map, as maps do ("ЧИЛАНЗАРСКИЙ", not "ЧИЛАНЗАРСКИЙ РАЙОН"): every label is a
// line shorter, so the twelve city districts all find room at the city's zoom in Russian too (issue 14).
// Regions alike ("ХОРЕЗМСКАЯ", "XORAZM"): at country zoom fourteen names share the map with nothing else.
const GENERIC = /\s+(район|тумани|tumani|область|вилояти|viloyati)$/iu;

/**
 * A district's or region's name as its map label says it: without the trailing "район" / "tumani" / "тумани" /
 * "область" / "viloyati" / "вилояти".
 * @example mapLabel('Чиланзарский район') // 'Чиланзарский'; mapLabel('город Нукус') // 'город Нукус'
 */
export const mapLabel = (name: string): string => name.replace(GENERIC, '');

/** `labels` with each feature's `name` written for the reader (none while the boundaries load). */
export function useMapLabels(labels: FeatureCollection | undefined): FeatureCollection {
  const nameOf = useNameOf();
  return useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: (labels?.features ?? []).map((f) => ({
        ...f,
        properties: { ...f.properties, name: mapLabel(nameOf(String(f.properties?.name ?? ''))) },
      })),
    }),
    [labels, nameOf],
  );
}
