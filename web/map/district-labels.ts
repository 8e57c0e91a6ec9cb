// District labels on the map in the language in force: the boundaries carry the stored Latin name, the map shows the
// official one ("ЧИЛАНЗАРСКИЙ РАЙОН" in Russian, "ЧИЛОНЗОР ТУМАНИ" in Cyrillic Uzbek) through useNameOf.
import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import { useNameOf } from '../i18n/I18n.tsx';

/** `labels` with each feature's `name` written for the reader (none while the boundaries load). */
export function useDistrictLabels(labels: FeatureCollection | undefined): FeatureCollection {
  const nameOf = useNameOf();
  return useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: (labels?.features ?? []).map((f) => ({
        ...f,
        properties: { ...f.properties, name: nameOf(String(f.properties?.name ?? '')) },
      })),
    }),
    [labels, nameOf],
  );
}
