// Domain actions of the cooperation and plans pages (given/when/then helpers); selects by test id.
import type { AppDriver } from './driver.ts';

const int = (s: string | null): number => Number((s ?? '').replace(/[^\d]/g, '') || '0');

export interface PlanForm {
  name: string;
  district: string;
  from: string;
  to: string;
  items: Array<{ inspector: number; service: string; type: string; required: number }>;
}

export class CooperationDriver {
  constructor(readonly app: AppDriver) {}

  /** Opens one of the report tabs (services, matrix, gaps, before-after) and waits for the data behind it. */
  async openTab(tab: 'summary' | 'matrix' | 'gaps' | 'before-after'): Promise<void> {
    await this.app.page.getByTestId(`coop-tab-${tab}`).click();
    await this.app.waitForMap();
  }

  /** The inspector × service matrix as drawn: cells, row totals, column totals and the grand total. */
  async matrix(): Promise<{ cells: number[][]; rows: number[]; columns: number[]; grand: number }> {
    const table = this.app.page.getByTestId('matrix');
    await table.waitFor({ timeout: 30_000 });
    const cells = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('td.cell')].map((td) => Number((td.textContent ?? '').replace(/[^\d]/g, '') || '0')),
        ),
      );
    const rows = (await table.getByTestId('row-total').allTextContents()).map(int);
    const columns = (await table.getByTestId('column-total').allTextContents()).map(int);
    return { cells, rows, columns, grand: int(await table.getByTestId('grand-total').textContent()) };
  }

  async numberOf(testId: string): Promise<number> {
    const el = this.app.page.getByTestId(testId);
    await el.waitFor({ timeout: 30_000 });
    return int(await el.textContent());
  }

  /** Fills the new-plan form and saves it; resolves when the new plan's detail is shown. */
  async createPlan(plan: PlanForm): Promise<void> {
    const p = this.app.page;
    await p.getByTestId('plan-new').click();
    await p.getByTestId('plan-name').fill(plan.name);
    await p.getByTestId('plan-district').selectOption(plan.district);
    await p.getByTestId('plan-from').fill(plan.from);
    await p.getByTestId('plan-to').fill(plan.to);
    for (const [k, item] of plan.items.entries()) {
      if (k > 0) await p.getByTestId('add-item').click();
      const row = p.getByTestId('plan-item').nth(k);
      await row.getByTestId('item-inspector').selectOption(String(item.inspector));
      await row.getByTestId('item-service').selectOption(item.service);
      await row.getByTestId('item-type').selectOption(item.type);
      await row.getByTestId('item-required').fill(String(item.required));
    }
    await p.getByTestId('plan-save').click();
    await p.getByTestId('plan-title').filter({ hasText: plan.name }).waitFor({ timeout: 30_000 });
    await this.app.waitForMap();
  }

  /** The territory row of an inspector in the plan detail: its % and state. */
  async territoryRow(inspector: number): Promise<{ pct: string; state: string | null }> {
    const row = this.app.page.getByTestId('plan-territories').locator(`tr[data-inspector="${inspector}"]`);
    await row.waitFor({ timeout: 30_000 });
    return {
      pct: (await row.locator('.pct-cell .num').textContent()) ?? '',
      state: await row.locator('[data-state]').getAttribute('data-state'),
    };
  }

  /** The colour drawn on the map at a geographic point (lon, lat). */
  async pixelAt(lon: number, lat: number): Promise<[number, number, number]> {
    return this.app.page.evaluate(
      async ([x, y]) => {
        const map = window.__hamkorMap;
        if (!map) return [0, 0, 0] as [number, number, number];
        map.triggerRepaint();
        await new Promise((r) => map.once('render', r));
        const p = map.project([x, y]);
        const src = map.getCanvas();
        const scale = src.width / src.getBoundingClientRect().width;
        const c = document.createElement('canvas');
        c.width = src.width;
        c.height = src.height;
        const ctx = c.getContext('2d');
        ctx?.drawImage(src, 0, 0);
        const px = ctx?.getImageData(Math.round(p.x * scale), Math.round(p.y * scale), 1, 1).data;
        return [px?.[0] ?? 0, px?.[1] ?? 0, px?.[2] ?? 0] as [number, number, number];
      },
      [lon, lat] as const,
    );
  }
}
