// Saving what is on screen, in real Chromium: the Hotspots map as PNG (decodes, the map's size plus the legend panel
// and caption) and as PDF (the image embedded, the legend and period in its text), under names that say what and when;
// then, in the same page, the Coverage page in Russian: its map's PDF with its own legend, and its inspector table as
// CSV (BOM, ";", names with numbers and codes) and as XLSX (unzipped: bold frozen header, numbers as numbers).
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './harness.ts';
import { AppDriver } from './driver.ts';

let world: World;
let d: AppDriver;

beforeAll(async () => {
  world = await startWorld();
  d = await AppDriver.open(world, '?from=2026-08-03&to=2026-10-31', { width: 1366, height: 768 });
});

afterAll(async () => {
  await d?.close();
  await world?.close();
});

/** Opens a download menu and saves one of its formats. */
async function save(menu: string, item: string): Promise<Download> {
  await d.page.getByTestId(menu).locator('summary').click();
  const [file] = await Promise.all([d.page.waitForEvent('download'), d.page.getByTestId(item).click()]);
  return file;
}

/** A PDF's /Subject, decoded from its UTF-16BE hex. */
function pdfSubject(text: string): string {
  const hex = /\/Subject <FEFF([0-9A-F]*)>/.exec(text)?.[1] ?? '';
  return String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
}

const NAME = /^hamkor-map-incidents-all-2026-08-03_2026-10-31\.(png|pdf)$/;

describe('map export', () => {
  it('saves the map with its legend as PNG and as PDF', async () => {
    const p = d.page;
    const legendTitle = ((await p.locator('.map-area .legend h3').first().textContent()) ?? '').trim();
    expect(legendTitle.length).toBeGreaterThan(3);
    const canvas = await p.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
      return { w: c?.width ?? 0, h: c?.height ?? 0, ratio: (c?.width ?? 0) / (c?.getBoundingClientRect().width ?? 1) };
    });

    const png = await save('export-map', 'export-png');
    expect(png.suggestedFilename()).toMatch(NAME);
    const bytes = await readFile((await png.path()) ?? '');
    // PNG signature, then IHDR's width and height (big-endian at bytes 16 and 20).
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBe(canvas.w + Math.round(300 * canvas.ratio));
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(canvas.h);

    const pdf = await save('export-map', 'export-pdf');
    expect(pdf.suggestedFilename()).toMatch(NAME);
    const text = (await readFile((await pdf.path()) ?? '')).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toMatch(/\/Filter \/DCTDecode \/Length \d{4,}/);
    // The JPEG itself: its start-of-image marker right after the stream keyword.
    expect(text).toContain('stream\n\u00ff\u00d8\u00ff');
    // Non-ASCII metadata is UTF-16BE in hex (the period's dash, the "·" between parts).
    const subject = pdfSubject(text);
    expect(subject).toContain(legendTitle);
    expect(subject).toContain('Period: 3 Aug – 31 Oct 2026');
    expect(text).toMatch(/%%EOF\n$/);
    expect(d.record.consoleErrors).toEqual([]);
  });

  it('saves the Coverage map with its legend, and its inspector table as CSV and XLSX, in Russian', async () => {
    const p = d.page;
    await p.goto(`${world.origin}/coverage?from=2026-08-03&to=2026-10-31&lang=ru`);
    // The map area's name is Russian here, so not waitForMap (it looks for "Map"): the same conditions by class.
    await p.waitForFunction(
      () =>
        !!window.__hamkorMap?.loaded() &&
        !window.__hamkorMap.isMoving() &&
        document.querySelector('.map-area')?.getAttribute('data-loading') === 'false',
      undefined,
      { timeout: 60_000, polling: 200 },
    );
    await p.getByTestId('inspector-table').waitFor({ timeout: 30_000 });
    const legendTitle = ((await p.locator('[data-testid=territory-legend] h3').first().textContent()) ?? '').trim();
    const pdf = await save('export-map', 'export-pdf');
    expect(pdf.suggestedFilename()).toBe('hamkor-map-coverage-all-2026-08-03_2026-10-31.pdf');
    const subject = pdfSubject((await readFile((await pdf.path()) ?? '')).toString('latin1'));
    expect(legendTitle.length).toBeGreaterThan(3);
    expect(subject).toContain(legendTitle);
    expect(subject).toContain('Период:');
    // The map's credits as the map shows them, in Russian around the sources' own names.
    expect(subject).toContain('Границы: © участники OpenStreetMap (ODbL); OCHA ROCCA COD-AB (CC BY 3.0 IGO)');

    const inspectors = await p.getByTestId('inspector-row').count();
    const csv = await save('table-download', 'table-csv');
    expect(csv.suggestedFilename()).toBe('hamkor-coverage-all-2026-08-03_2026-10-31.csv');
    const bytes = await readFile((await csv.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\n');
    const header = (lines[0] ?? '').split(';');
    expect(header.slice(0, 5)).toEqual([
      'Инспектор профилактики',
      '№ инспектора',
      'Звание',
      'Район',
      'Код района (СОАТО)',
    ]);
    expect(lines).toHaveLength(inspectors + 1);
    // A row: a name, the inspector's number, a district and its 7-digit SOATO code, then figures.
    expect(lines[1]).toMatch(/^[^;]+;\d+;[^;]*;[^;]+;\d{7};\d+;\d+;/);

    const xlsx = await save('table-download', 'table-xlsx');
    expect(xlsx.suggestedFilename()).toBe('hamkor-coverage-all-2026-08-03_2026-10-31.xlsx');
    const sheet = strFromU8(
      unzipSync(new Uint8Array(await readFile((await xlsx.path()) ?? '')))['xl/worksheets/sheet1.xml'] ??
        new Uint8Array(),
    );
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Инспектор профилактики</t>');
    expect(sheet).toMatch(/<c r="B2"><v>\d+<\/v><\/c>/);
    expect(sheet.match(/<row /g)).toHaveLength(inspectors + 1);

    // A table read from the screen (the inspector card's mahallas): the code beside each name, figures as numbers.
    await p.locator('[data-testid="inspector-row"] .terr-name').first().click();
    await p.getByTestId('inspector-mahallas').waitFor({ timeout: 30_000 });
    const mahallas = await p.locator('[data-testid="inspector-mahallas"] tbody tr').count();
    const card = await save('table-download-card', 'table-csv-card');
    expect(card.suggestedFilename()).toMatch(/^hamkor-territory-inspector-\d+-2026-08-03_2026-10-31\.csv$/);
    const rows = (await readFile((await card.path()) ?? '')).toString('utf8').slice(1).trimEnd().split('\n');
    expect(rows[0]?.split(';').slice(0, 3)).toEqual(['Махалля', 'Махалля: код', 'Жители']);
    expect(rows).toHaveLength(mahallas + 1);
    expect(rows[1]).toMatch(/^[^;]+;\d{10};\d+;\d+(\.\d)?;\d+;\d+$/);
    expect(d.record.consoleErrors).toEqual([]);
  });
});
