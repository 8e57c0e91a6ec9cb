// The heavy gate: at most `permits` heavy requests at once, the rest waiting in order, except that a quick one goes
// ahead of waiting slow ones until the oldest slow one has waited OVERTAKE_MS.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { heavyGate, OVERTAKE_MS } from '../../../server/http/limits.ts';

/** An app with one permit: /hold waits until released, /slow and /quick note when they ran. */
function gatedApp(now: () => number) {
  const ran: string[] = [];
  let release = (): void => undefined;
  const held = new Promise<void>((r) => (release = r));
  const gate = heavyGate(1, now);
  const app = new Hono()
    .use('/hold', gate(false))
    .use('/slow/*', gate(false))
    .use('/quick/*', gate(true))
    .get('/hold', async (c) => {
      await held;
      return c.text('held');
    })
    .get('/:kind/:name', (c) => {
      ran.push(c.req.param('name'));
      return c.text('ok');
    });
  return { app, ran, release };
}

/** Lets the requests started so far reach the gate. */
const settle = () => new Promise((r) => setTimeout(r, 10));

describe('heavyGate', () => {
  it('lets a quick request waiting behind slow ones go first, the slow ones then in their order', async () => {
    const { app, ran, release } = gatedApp(() => 0);
    const hold = app.request('/hold');
    await settle();
    const asked = [app.request('/slow/a'), app.request('/slow/b'), app.request('/quick/q')];
    await settle();
    expect(ran).toEqual([]);
    release();
    await Promise.all([hold, ...asked]);
    expect(ran).toEqual(['q', 'a', 'b']);
  });

  it('stops overtaking a slow request that has waited OVERTAKE_MS', async () => {
    let t = 0;
    const { app, ran, release } = gatedApp(() => t);
    const hold = app.request('/hold');
    await settle();
    const slow = app.request('/slow/a');
    await settle();
    t = OVERTAKE_MS;
    const quick = app.request('/quick/q');
    await settle();
    release();
    await Promise.all([hold, slow, quick]);
    expect(ran).toEqual(['a', 'q']);
  });
});
