// Reprojection to WGS84 against coordinates published by PROJ 9.1 (cs2cs EPSG:4326 EPSG:<code>), .prj recognition, and
// the plausibility check.
import { describe, expect, it } from 'vitest';
import { crsFromCode, crsFromPrj, fromWgs84, implausible, toWgs84 } from '../../../data/import/crs.ts';

// Tashkent, Samarkand, Nukus, Andijan, Termez (WGS84 lon, lat).
const PLACES: Array<[number, number]> = [
  [69.2401, 41.2995],
  [66.975, 39.6548],
  [59.6103, 42.4531],
  [72.3442, 40.7821],
  [67.2783, 37.2242],
];
// PROJ 9.1.1: `printf '69.2401 41.2995\n…' | cs2cs -f %.4f +proj=longlat +datum=WGS84 +to $(projinfo EPSG:<code> -o PROJ)`,
// as [easting, northing]. Pulkovo is shifted by EPSG:15865 (the transformation for Uzbekistan); cs2cs given only the two
// EPSG codes uses another one inside Kazakhstan's bounding box (Tashkent, Nukus), 2.6 m away. An offset of 60–110 m
// here would mean the datum shift is missing.
const GOLDEN: Record<number, Array<[number, number]>> = {
  3857: [
    [7707772.6745, 5056618.7209],
    [7455622.8959, 4815904.8291],
    [6635788.242, 5229095.1347],
    [8053319.5058, 4980254.3967],
    [7489386.0974, 4470403.6207],
  ],
  32641: [
    [1022552.7988, 4590825.7722],
    [841058.4289, 4397001.1505],
    [221258.7285, 4705654.3182],
    [1288952.114, 4556792.868],
    [879641.0433, 4128327.5416],
  ],
  32642: [
    [520101.1036, 4572033.0673],
    [326272.5626, 4391404.1523],
    [-272392.2419, 4743007.5008],
    [782200.3352, 4519951.2439],
    [347254.6325, 4121132.6112],
  ],
  28411: [
    [12022835.0887, 4592727.4646],
    [11841268.2276, 4398826.8551],
    [11221224.3697, 4707604.3073],
    [12289339.6109, 4558680.0868],
    [11879865.1529, 4130046.8723],
  ],
  28412: [
    [12520172.4172, 4573922.5741],
    [12326266.7482, 4393223.0483],
    [11727366.7637, 4744967.1395],
    [12782374.8962, 4521819.2466],
    [12347256.1808, 4122844.7974],
  ],
  28413: [
    [13017538.1709, 4589926.7663],
    [12810912.6412, 4422168.4843],
    [12232871.7613, 4818366.0236],
    [13275859.1881, 4519825.75],
    [12814197.3167, 4149506.8546],
  ],
  2536: [
    [21274393.5077, 4615302.5207],
    [21098963.8199, 4414596.1717],
    [20468024.8441, 4702109.5642],
    [21543222.0255, 4590459.798],
    [21146491.1318, 4146375.8719],
  ],
  2539: [
    [23520172.4172, 4573922.5741],
    [23326266.7482, 4393223.0483],
    [22727366.7637, 4744967.1395],
    [23782374.8962, 4521819.2466],
    [23347256.1808, 4122844.7974],
  ],
  // Pulkovo 1942 geographic: [lon, lat] degrees (-f %.6f).
  4284: [
    [69.240851, 41.299311],
    [66.97578, 39.654669],
    [59.611301, 42.452984],
    [72.344864, 40.781895],
    [67.279037, 37.224121],
  ],
};

describe('reprojection matches PROJ', () => {
  it.each(Object.keys(GOLDEN).map(Number))('EPSG:%i to WGS84 and back', (code) => {
    const crs = crsFromCode(code);
    const inv = toWgs84(crs);
    const fwd = fromWgs84(crs);
    const geographic = code === 4284;
    (GOLDEN[code] ?? []).forEach(([x, y], i) => {
      const [lon, lat] = PLACES[i] ?? [0, 0];
      const [gx, gy] = fwd(lon, lat);
      // 1 cm in metres; 1e-6° (≈ 10 cm) for the 6-decimal degrees.
      const tol = geographic ? 1e-6 : 0.01;
      expect(Math.abs(gx - x)).toBeLessThan(tol);
      expect(Math.abs(gy - y)).toBeLessThan(tol);
      const [glon, glat] = inv(x, y);
      expect(Math.abs(glon - lon)).toBeLessThan(geographic ? 1e-6 : 1e-7);
      expect(Math.abs(glat - lat)).toBeLessThan(geographic ? 1e-6 : 1e-7);
    });
  });

  it('WGS84 is the identity and Web Mercator reaches ±20037508.342789244 m at ±180°', () => {
    expect(toWgs84(crsFromCode(4326))(69.1, 41.2)).toEqual([69.1, 41.2]);
    expect(fromWgs84(crsFromCode('EPSG:3857'))(180, 0)[0]).toBeCloseTo(20037508.342789244, 6);
  });

  it('refuses a code it does not support, naming the supported ones', () => {
    expect(() => crsFromCode('EPSG:2154')).toThrow(
      /coordinate system "EPSG:2154" is not supported \(supported EPSG codes: 4326, 4284, 3857, 32640/,
    );
  });
});

// .prj texts as GDAL/ESRI write them (`projinfo EPSG:<code> -o WKT1_ESRI|WKT1_GDAL|WKT2_2019`).
const ESRI_GCS_WGS =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const ESRI_GCS_PULKOVO =
  'GEOGCS["GCS_Pulkovo_1942",DATUM["D_Pulkovo_1942",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const esriTm = (name: string, gcs: string, proj: string, fe: number, cm: number, k: number): string =>
  `PROJCS["${name}",${gcs},PROJECTION["${proj}"],PARAMETER["False_Easting",${fe}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",${k}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
const PRJ = {
  wgs84: ESRI_GCS_WGS,
  utm42: esriTm('WGS_1984_UTM_Zone_42N', ESRI_GCS_WGS, 'Transverse_Mercator', 500000.0, 69.0, 0.9996),
  gk12: esriTm('Pulkovo_1942_GK_Zone_12', ESRI_GCS_PULKOVO, 'Gauss_Kruger', 12500000.0, 69.0, 1.0),
  gk12n: esriTm('Pulkovo_1942_GK_Zone_12N', ESRI_GCS_PULKOVO, 'Gauss_Kruger', 500000.0, 69.0, 1.0),
  webMercator: `PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",${ESRI_GCS_WGS},PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]`,
  gdalUtm42:
    'PROJCS["WGS 84 / UTM zone 42N",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",69],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","32642"]]',
  wkt2Utm41:
    'PROJCRS["WGS 84 / UTM zone 41N",BASEGEOGCRS["WGS 84",ENSEMBLE["World Geodetic System 1984 ensemble",MEMBER["World Geodetic System 1984 (G2139)"],ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]],ENSEMBLEACCURACY[2.0]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4326]],CONVERSION["UTM zone 41N",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",63,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",0.9996,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["(E)",east,ORDER[1],LENGTHUNIT["metre",1]],AXIS["(N)",north,ORDER[2],LENGTHUNIT["metre",1]],ID["EPSG",32641]]',
};

describe('reading a .prj', () => {
  it.each([
    ['ESRI WGS 84', PRJ.wgs84, 4326],
    ['ESRI Pulkovo 1942', ESRI_GCS_PULKOVO, 4284],
    ['ESRI UTM 42N (by parameters)', PRJ.utm42, 32642],
    ['ESRI Pulkovo GK zone 12 (by parameters)', PRJ.gk12, 28412],
    ['ESRI Pulkovo GK 12N, no zone prefix', PRJ.gk12n, 28472],
    ['ESRI Web Mercator', PRJ.webMercator, 3857],
    ['GDAL UTM 42N (by its EPSG authority)', PRJ.gdalUtm42, 32642],
    ['WKT2 UTM 41N (by its EPSG id)', PRJ.wkt2Utm41, 32641],
    [
      'ESRI 3-degree GK zone 20',
      esriTm('Pulkovo_1942_3_Degree_GK_Zone_20', ESRI_GCS_PULKOVO, 'Gauss_Kruger', 20500000, 60, 1),
      2536,
    ],
  ])('%s', (_, wkt, code) => {
    expect(crsFromPrj(wkt).code).toBe(code);
  });

  it('refuses what it cannot match, saying what the file describes', () => {
    expect(() =>
      crsFromPrj(esriTm('Pulkovo_1942_GK_Zone_20', ESRI_GCS_PULKOVO, 'Gauss_Kruger', 20500000, 117, 1)),
    ).toThrow(
      'the .prj describes a Pulkovo 1942 Transverse Mercator with central meridian 117, false easting 20500000, scale 1, which is not supported',
    );
    expect(() => crsFromPrj(PRJ.utm42.replace('UNIT["Meter",1.0]', 'UNIT["Foot_US",0.3048006096012192]'))).toThrow(
      'the .prj describes coordinates in "Foot_US" rather than metres',
    );
    expect(() =>
      crsFromPrj('GEOGCS["GCS_Tokyo",DATUM["D_Tokyo",SPHEROID["Bessel_1841",6377397.155,299.1528128]]]'),
    ).toThrow(/^the \.prj describes an unknown datum/);
    expect(() => crsFromPrj(PRJ.utm42.replace('Transverse_Mercator', 'Lambert_Conformal_Conic'))).toThrow(
      'the .prj describes a projection other than Transverse Mercator or Web Mercator',
    );
  });
});

describe('plausibility', () => {
  it('accepts points in Uzbekistan and rejects UTM metres read as degrees or GK without its zone prefix', () => {
    const wgs = crsFromCode(4326);
    expect(implausible(69.24, 41.3, wgs)).toBeNull();
    expect(implausible(56.1, 45.5, wgs)).toBeNull();
    expect(implausible(520101, 4572033, wgs)).toEqual({
      reason:
        "lies at 520101, 4572033 after reading it as WGS 84 (EPSG:4326), outside Uzbekistan (55–74.2° E, 36.2–46.6° N): the file's coordinates are not in that system",
      issue: { code: 'outside_uzbekistan', params: { lon: '520101', lat: '4572033', crs: 'WGS 84 (EPSG:4326)' } },
    });
    // A zone-12 file whose eastings lost their "12" prefix lands near 0° E.
    const gk = crsFromCode(28412);
    const [lon, lat] = toWgs84(gk)(520169.8, 4573923.2);
    expect(implausible(lon, lat, gk)?.reason).toMatch(
      /^lies at -?\d+\.\d+, \d+\.\d+ after reading it as Pulkovo 1942 \/ Gauss-Kruger zone 12 \(EPSG:28412\)/,
    );
    expect(implausible(NaN, 41, wgs)?.reason).toMatch(/^lies at nowhere, 41 /);
  });
});
