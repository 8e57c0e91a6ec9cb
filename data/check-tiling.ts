// `npx tsx data/check-tiling.ts --scale city|national [--seed n]`: generates the demo mahallas as a build would and
// measures the tiling (overlap of every pair, borders left unshared, area per district). Exits 1 on any defect.
import { parseArgs } from 'node:util';
import { loadDistricts } from './generate/boundaries.ts';
import { generateMahallas } from './generate/mahallas.ts';
import { DEFAULT_SEED, SCALES, type ScaleName } from './generate/scales.ts';
import { measureTiling } from './generate/tiling.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'city' }, seed: { type: 'string' } } });
const scale = SCALES[values.scale as ScaleName];
if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);

const t0 = performance.now();
const districts = loadDistricts(scale);
const mahallas = generateMahallas(
  districts.map((d) => ({ soato: d.soato, name: d.nameUz, geometry: d.geometry, areaKm2: d.areaKm2 })),
  { total: scale.mahallas, mode: scale.name === 'national' ? 'national' : 'city', seed },
);
const t1 = performance.now();
const r = measureTiling(mahallas, districts);
const t2 = performance.now();
const code = (i: number): string => mahallas[i]?.code ?? '?';
console.log(
  [
    `${scale.name}, seed ${seed}: ${mahallas.length} mahallas in ${districts.length} districts ` +
      `(generated in ${((t1 - t0) / 1000).toFixed(1)} s, measured in ${((t2 - t1) / 1000).toFixed(1)} s)`,
    `pairs measured (bounding boxes meet): ${r.candidatePairs}, of them across a district border: ${r.crossDistrictPairs}`,
    `overlapping pairs: ${r.overlaps.length}, ${r.overlapM2.toPrecision(3)} m² in all` +
      (r.overlaps[0]
        ? `, largest ${r.overlaps[0].m2.toPrecision(3)} m² (${code(r.overlaps[0].a)}, ${code(r.overlaps[0].b)})`
        : ''),
    `edges shared by no other mahalla and off the outline of all districts: ${r.looseEdges}`,
    `largest |Σ mahallas − district| / district (planar, exact): ${r.worstAreaShare.toExponential(2)}`,
  ].join('\n'),
);
if (r.overlaps.length > 0 || r.looseEdges > 0) process.exit(1);
