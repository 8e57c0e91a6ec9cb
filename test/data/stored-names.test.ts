// Names enter the database with one apostrophe each (ʻ after o/g, ʼ else): the shipped districts and regions, the
// generated inspectors and mahallas, and names a department's reference file carries.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDistricts, loadRegions } from '../../data/generate/boundaries.ts';
import { inspectorIdentity } from '../../data/generate/people.ts';
import { generateMahallas } from '../../data/generate/mahallas.ts';
import { Rng } from '../../data/generate/random.ts';
import { SCALES } from '../../data/generate/scales.ts';
import { INSPECTORS } from '../../data/import/record-kinds.ts';
import { importReference } from '../../data/import/reference.ts';
import { normalizeUzName } from '../../server/shared/uz-names.ts';
import { fixtureDb } from '../fixtures/api/fixture-db.ts';

const OTHER_APOSTROPHES = /['‘’`´]/;
const dir = mkdtempSync(join(tmpdir(), 'hamkor-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('names as the demo data stores them', () => {
  it('districts and regions of the whole country, with oʻ and gʻ as Uzbek writes them', () => {
    const districts = loadDistricts(SCALES.national);
    const names = [...districts.map((d) => d.nameUz), ...loadRegions(districts).map((r) => r.nameUz)];
    expect(names.filter((n) => OTHER_APOSTROPHES.test(n) || normalizeUzName(n) !== n)).toEqual([]);
    expect(names).toContain('Mirzo Ulugʻbek');
    expect(names).toContain('Qoʻrgʻontepa');
  });

  it('region names are Latin with their type written once (the source abbreviates Tashkent city in Cyrillic)', () => {
    const regions = loadRegions(loadDistricts(SCALES.national));
    expect(regions.find((r) => r.soato === '1726')?.nameUz).toBe('Toshkent shahri');
    expect(regions.find((r) => r.soato === '1703')?.nameUz).toBe('Andijon viloyati');
    expect(regions.filter((r) => /[\u0400-\u04ff]/u.test(r.nameUz)).map((r) => r.nameUz)).toEqual([]);
  });

  it('districts and regions carry their official Cyrillic and Russian names (data/geo/uz_official_names.csv)', () => {
    const chilonzor = loadDistricts(SCALES.city).find((d) => d.soato === '1726294');
    expect(chilonzor).toMatchObject({
      nameUz: 'Chilonzor tumani',
      nameUzCyrl: 'Чилонзор тумани',
      nameRu: 'Чиланзарский район',
    });
    const national = loadDistricts(SCALES.national);
    // OCHA's Russian name lacks the type word ("Алтынкульский"): the code list's is used.
    expect(national.find((d) => d.soato === '1703202')?.nameRu).toBe('Алтынкульский район');
    expect(national.filter((d) => !d.nameUzCyrl || !d.nameRu)).toEqual([]);
    // The source typed a Latin p for Cyrillic р in a few Russian names ("Чиpчик"): the shipped list has none.
    expect(national.filter((d) => /[a-z]/i.test(`${d.nameRu}${d.nameUzCyrl}`)).map((d) => d.nameRu)).toEqual([]);
    expect(loadRegions(national).find((r) => r.soato === '1735')).toMatchObject({
      nameUzCyrl: 'Қорақалпоғистон Республикаси',
      nameRu: 'Республика Каракалпакстан',
    });
  });

  it('the Tashkent districts, mahallas and inspectors', () => {
    const districts = loadDistricts(SCALES.city);
    expect(districts.map((d) => d.nameUz)).toContain('Mirzo Ulugʻbek tumani');
    const mahallas = generateMahallas(
      districts.map((d) => ({ soato: d.soato, name: d.nameUz, geometry: d.geometry, areaKm2: d.areaKm2 })),
      { total: SCALES.city.mahallas, mode: 'city', seed: 1 },
    );
    const rng = new Rng(7);
    const inspectors = Array.from({ length: 400 }, () => inspectorIdentity(rng).name);
    const names = [...mahallas.map((m) => m.name), ...inspectors];
    expect(names.filter((n) => OTHER_APOSTROPHES.test(n) || normalizeUzName(n) !== n)).toEqual([]);
    expect(inspectors.some((n) => n.startsWith('Joʻrayev'))).toBe(true);
  });
});

describe('names a reference import stores', () => {
  it('writes an inspector’s name with the proper letter signs, however the file typed them', async () => {
    const db = await fixtureDb();
    try {
      const file = join(dir, 'inspectors.csv');
      writeFileSync(
        file,
        "id,name,rank,district,base point\nT-1,Jo'rayev G‘ulom,captain,1726287,1\nT-2,Ma`rufov A.,major,1726287,1\n",
      );
      expect(await importReference(db, INSPECTORS, { file })).toMatchObject({ committed: true, added: 2 });
      expect(await db.all('SELECT name FROM inspectors WHERE source_id IS NOT NULL ORDER BY id')).toEqual([
        { name: 'Joʻrayev Gʻulom' },
        { name: 'Maʼrufov A.' },
      ]);
    } finally {
      db.close();
    }
  });
});
