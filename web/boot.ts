// The page's one script: it loads the app (main.tsx, ≈ 2 MB with what it imports) with a dynamic import, so the
// document itself has finished loading once this file, the styles and the preloaded first answers are in, not only after
// the app's code has been parsed and run (≈ 1.7 s on the national first screen in software GL). Until a document has
// loaded, Chrome animates its tab's loading indicator, about 30 frames a second; with software GL each frame composites
// the whole window on the CPU (≈ 30 ms a frame in headless Chromium), half a core taken from the app's own start on a
// 2-core machine (issue 15).
import { zodJitless } from './zod-csp.ts';
import { fetchEarly } from './early-answers.ts';
import { warmUp } from './warm-up.ts';

zodJitless();
// The answers the page was sent with preload links for, asked for now: the app reads them before its first render.
fetchEarly();
void import('./main.tsx');
warmUp();
