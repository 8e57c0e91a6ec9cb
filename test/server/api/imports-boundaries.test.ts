// Boundary files through the import API on the fixture database: the preview lists the file's fields, a mapping that
// names what the file lacks is a 400, a feature with a problem refuses the file (feature, field, value, reason), a dry
// run reports the new version and the records that would move and changes nothing, a commit writes the version, moves
// the records and every request sees the new mahallas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoundaryPreview } from '../../../server/services/imports/boundaries.ts';
import { givenRoles, type SignedIn } from '../../fixtures/api/signed-in.ts';
import { issues, json, runJob, uploadAs } from './imports-given.ts';
import { square } from '../../fixtures/square.ts';

/**
 * The fixture's four mahallas with our own field names replaced by the cadastre's (KOD, NOMI, TUMAN, AHOLI), the border
 * of 1 and 2 moved from 69.25 to 69.26 (incidents 4 and 14, at 69.2511 and 69.255, change mahalla) and mahalla 3
 * reaching 0.005° into 4 (an overlap of about 2.3 km²).
 */
const mahallas = (firstCode = '1726287001') =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      [firstCode, 'Olmazor', '1726287', 1100, square(69.2, 41.2, 69.26, 41.25)],
      ['1726287002', "Bog'bon", '1726287', 1900, square(69.26, 41.2, 69.3, 41.25)],
      ['1726273001', 'Navbahor', '1726273', 3000, square(69.3, 41.25, 69.355, 41.3)],
      ['1726273002', 'Chinor', '1726273', 500, square(69.35, 41.25, 69.4, 41.3)],
    ].map(([KOD, NOMI, TUMAN, AHOLI, geometry]) => ({
      type: 'Feature',
      properties: { KOD, NOMI, TUMAN, AHOLI },
      geometry,
    })),
  });
const FIELDS = { code: 'KOD', name: 'NOMI', parent: 'TUMAN', population: 'AHOLI' };

let w: SignedIn;
beforeAll(async () => {
  w = await givenRoles();
});
afterAll(() => w.close());

const mahallaOf = async (incident: number) =>
  (await w.db.all<{ m: number }>('SELECT mahalla_id AS m FROM incidents WHERE id = $id', { id: incident }))[0]?.m;

describe('boundary files', () => {
  it('previews a GeoJSON: its fields with samples, and no proposal for roles it names otherwise', async () => {
    const p = await uploadAs<BoundaryPreview>(w, 'mahallas', 'mfy.geojson', mahallas());
    expect(p.shape).toBe('boundary');
    expect(p.file).toMatchObject({ format: 'geojson', features: 4 });
    expect(p.file.crs).toMatch(/\(EPSG:4326\)$/);
    expect(p.fields.map((f) => f.field)).toEqual(['KOD', 'NOMI', 'TUMAN', 'AHOLI']);
    expect(p.fields[0]).toEqual({ field: 'KOD', filled: 4, samples: ['1726287001', '1726287002', '1726273001'] });
    expect(p.roles.map((r) => [r.name, r.required, r.proposed])).toEqual([
      ['code', true, null],
      ['name', true, null],
      ['parent', true, null],
      ['population', false, null],
      ['households', false, null],
    ]);
  });

  // Each with the code that says why in the reader's language: the reader's own where it knows why.
  it.each([
    ['kind=mahallas&name=x.geojson', 'not json', 'file', /^x\.geojson: not valid JSON \(/, 'not_json_file'],
    ['kind=mahallas&name=x.zip', 'not a zip', 'file', /^x\.zip: /, 'file_unreadable'],
    ['kind=mahallas&name=y.geojson', '{"type": "Feature"}', 'file', /FeatureCollection/, 'not_feature_collection'],
    [
      'kind=regions&name=x.kml',
      '<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>',
      'file',
      /no features/,
      'no_features',
    ],
  ])('an unreadable file → 400 on file (%s)', async (query, body, field, reason, code) => {
    const res = await w.as('analyst', `/api/imports/files?${query}`, { method: 'POST', body });
    expect(res.status).toBe(400);
    const [issue] = (await issues(res)) as Array<{ field: string; reason: string; code?: string }>;
    expect(issue?.field).toBe(field);
    expect(issue?.reason).toMatch(reason);
    expect(issue?.code).toBe(code);
  });

  it.each([
    [
      { columns: { code: 'CODE_MFY' } },
      'the field "CODE_MFY" chosen for code is not in the file',
      { code: 'mapping_field_missing', params: { field: 'CODE_MFY' } },
    ],
    [
      { columns: { colour: 'KOD' } },
      '"colour" is not something Hamkor reads from mahallas files',
      { code: 'mapping_unknown_column', params: { column: 'colour' } },
    ],
  ])('a field choice that cannot work → 400 on mapping (%j)', async (mapping, reason, coded) => {
    const p = await uploadAs<BoundaryPreview>(w, 'mahallas', 'mfy.geojson', mahallas());
    const res = await w.as('analyst', '/api/imports/jobs', json({ file: p.file.id, mapping }));
    expect(res.status).toBe(400);
    expect(await issues(res)).toEqual([{ field: 'mapping', reason, ...coded }]);
  });

  it.each([
    [{ keepGood: true }, 'keepGood', /only incidents and applications/],
    [{ sliverM2: -1 }, 'sliverM2', /must be 0 or more/],
  ])('an option that does not apply → 400 naming it (%j)', async (body, field, reason) => {
    const p = await uploadAs<BoundaryPreview>(w, 'mahallas', 'mfy.geojson', mahallas());
    const res = await w.as(
      'analyst',
      '/api/imports/jobs',
      json({ file: p.file.id, mapping: { columns: FIELDS }, ...body }),
    );
    expect(res.status).toBe(400);
    const [issue] = await issues(res);
    expect(issue?.field).toBe(field);
    expect(issue?.reason).toMatch(reason);
  });

  it('a feature with a problem refuses the file: feature, field, value and reason; the report has it too', async () => {
    const p = await uploadAs<BoundaryPreview>(w, 'mahallas', 'bad.geojson', mahallas('17262870'));
    const job = await runJob(w, p.file.id, { mapping: { columns: FIELDS }, dryRun: false });
    expect(job.state).toBe('done');
    expect(job.result).toMatchObject({ committed: false, rowsRead: 4, rejected: 1, problemCount: 1 });
    expect(job.result?.problems).toEqual([
      {
        file: 'bad.geojson',
        row: 1,
        column: 'KOD',
        value: '17262870',
        reason: 'must be a 10-digit mahalla code',
        // the code the import page says it with in the reader's language (ReportView)
        code: 'boundary_code_format',
        params: { level: 'mahalla', digits: 10 },
      },
    ]);
    expect(job.result?.boundary?.version).toBeNull();
    expect(await mahallaOf(4)).toBe(2);
    const report = await w.as('analyst', `/api/imports/jobs/${job.id}/report`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toBe(`attachment; filename="import-report-${job.id}.json"`);
    const body = (await report.json()) as { problems: unknown[] };
    expect(body.problems).toEqual(job.result?.problems);
    const rejects = await w.as('analyst', `/api/imports/jobs/${job.id}/rejects`);
    expect(rejects.status).toBe(404);
    expect((await issues(rejects))[0]?.field).toBe('id');
  });

  it('a dry run reports the new version, the overlap and the records that would move, and changes nothing', async () => {
    const p = await uploadAs<BoundaryPreview>(w, 'mahallas', 'mfy.geojson', mahallas());
    const job = await runJob(w, p.file.id, { mapping: { columns: FIELDS }, dryRun: true });
    expect(job.error).toBeNull();
    const b = job.result?.boundary;
    expect(b?.version).toBe(1);
    expect(b?.mahallas).toMatchObject({ kept: 4, added: 0, retired: 0, moved: { incidents: 2, base_points: 0 } });
    expect(b?.findings).toEqual([expect.objectContaining({ kind: 'overlap', features: [3, 4] })]);
    expect(b?.findings[0]?.areaM2).toBeGreaterThan(2e6);
    expect(await mahallaOf(4)).toBe(2);
    // The boundary tables are in the schema (empty until the first import): a dry run leaves them empty.
    const [versions] = await w.db.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM boundary_versions');
    expect(versions?.n).toBe(0);
  });

  it('a commit writes the version, moves the records, and every request sees the new mahallas', async () => {
    const before = (await (await w.as('admin', '/api/mahallas')).json()) as { features: Array<{ properties: object }> };
    expect(before.features[0]?.properties).toMatchObject({ population: 1000 });
    const p = await uploadAs<BoundaryPreview>(w, 'mahallas', 'mfy.geojson', mahallas());
    const job = await runJob(w, p.file.id, { mapping: { columns: FIELDS }, dryRun: false });
    expect(job.result?.committed).toBe(true);
    expect(job.result?.boundary?.mahallas?.moved.incidents).toBe(2);
    expect([await mahallaOf(4), await mahallaOf(14), await mahallaOf(5)]).toEqual([1, 1, 2]);
    const v = await w.db.all<{ version: number; file: string; moved: number }>(
      "SELECT version, file, moved FROM boundary_versions WHERE level = 'mahallas' ORDER BY version",
    );
    expect(v.map((r) => [r.version, r.file])).toEqual([
      [0, 'synthetic'],
      [1, 'mfy.geojson'],
    ]);
    const after = (await (await w.as('admin', '/api/mahallas')).json()) as { features: Array<{ properties: object }> };
    expect(after.features[0]?.properties).toMatchObject({ population: 1100 });
    const past = (await (await w.as('analyst', '/api/imports')).json()) as Array<object>;
    expect(past[0]).toMatchObject({ kind: 'mahallas', file: 'mfy.geojson', importedBy: 'admin', rowsRead: 4 });
  });
});
