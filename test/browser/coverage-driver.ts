// Domain actions of the coverage and applications pages (given/when/then helpers); selects by test id.
import type { AppDriver } from './driver.ts';

export class TerritoriesDriver {
  constructor(readonly app: AppDriver) {}

  /** Rows of the inspector table as drawn. */
  async inspectorRowIds(): Promise<number[]> {
    await this.app.page.getByTestId('inspector-table').waitFor({ timeout: 30_000 });
    return this.app.page
      .getByTestId('inspector-row')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))));
  }

  /** The number in the table's heading. */
  async inspectorCount(): Promise<number> {
    return Number(((await this.app.page.getByTestId('inspector-count').textContent()) ?? '').replace(/\D/g, ''));
  }

  async clickInspectorRow(id: number): Promise<void> {
    await this.app.page.locator(`[data-testid="inspector-row"][data-id="${id}"] .terr-name`).click();
  }

  /** Waits for the inspector card and returns its title. */
  async cardTitle(): Promise<string> {
    const title = this.app.page.getByTestId('inspector-title');
    await title.waitFor({ timeout: 30_000 });
    return (await title.textContent()) ?? '';
  }

  async sortBy(column: string): Promise<void> {
    await this.app.page.getByTestId(`sort-${column}`).click();
  }

  /** A number shown under a test id, thin-space thousands separators removed. */
  async numberOf(testId: string): Promise<number> {
    const el = this.app.page.getByTestId(testId);
    await el.waitFor({ timeout: 30_000 });
    return Number(((await el.textContent()) ?? '').replace(/[^\d]/g, ''));
  }
}
