// `npm test`: typecheck, lint, formatting and both vitest projects, as one command with one exit status. The browser
// suite is the longest lane and keeps under one core busy (Chromium waits on its software renderer), so it runs beside
// the other lane instead of after it; its files still run one at a time among themselves (vite.config.ts). Two vitest
// processes because one cannot do this: vitest 4 runs a project with fileParallelism off after every other project,
// and projects that share a group share one worker limit (1 on a 2-core machine).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Each lane runs its npm scripts in order; the lanes run at the same time. */
const LANES: readonly (readonly string[])[] = [['test:browser'], ['typecheck', 'lint', 'format:check', 'test:node']];

interface Outcome {
  script: string;
  code: number;
  seconds: number;
}

/** Runs `npm run <script>`, passing its output on whole lines so that the two lanes never split each other's lines. */
function run(script: string): Promise<Outcome> {
  const t0 = performance.now();
  // Piped, a child sees no terminal: colours are asked for when this process has one.
  const env = process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
  const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'], env });
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => to.write(`${line}\n`));
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ script, code: code ?? (signal ? 1 : 0), seconds: (performance.now() - t0) / 1000 });
    });
  });
}

/** A lane goes on after a failed step, so one run shows every problem (the exit status still says it failed). */
async function lane(scripts: readonly string[]): Promise<Outcome[]> {
  const done: Outcome[] = [];
  for (const script of scripts) done.push(await run(script));
  return done;
}

const t0 = performance.now();
const outcomes = (await Promise.all(LANES.map(lane))).flat();
const failed = outcomes.filter((o) => o.code !== 0);
console.log('\nnpm test');
for (const o of outcomes) {
  console.log(`  ${o.code === 0 ? 'ok    ' : 'FAILED'}  ${o.script.padEnd(14)} ${o.seconds.toFixed(0).padStart(5)} s`);
}
console.log(`  wall ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.exitCode = failed.length ? 1 : 0;
