// The official Cyrillic Uzbek and Russian names of regions and districts by SOATO code (data/geo/uz_official_names.csv,
// see data/geo/SOURCES.md). Stored beside the Latin name at build and by the schema upgrade, so that a Russian reader
// sees "Чиланзарский район" rather than the Latin name written in Cyrillic letters ("Чилонзор тумани").
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface OfficialName {
  nameUzCyrl: string;
  nameRu: string;
}

const FILE = fileURLToPath(new URL('../geo/uz_official_names.csv', import.meta.url));
let cache: ReadonlyMap<string, OfficialName> | null = null;

/**
 * Every region and district of the code list (read once; the file has no quoted fields).
 * @example officialNames().get('1726294') // { nameUzCyrl: 'Чилонзор тумани', nameRu: 'Чиланзарский район' }
 */
export function officialNames(): ReadonlyMap<string, OfficialName> {
  if (cache) return cache;
  const [, ...lines] = readFileSync(FILE, 'utf8').trim().split('\n');
  cache = new Map(
    lines.map((line) => {
      const [soato = '', nameUzCyrl = '', nameRu = ''] = line.split(',');
      return [soato, { nameUzCyrl, nameRu }];
    }),
  );
  return cache;
}
