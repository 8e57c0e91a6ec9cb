// zod (used in the browser to check forms against the shared contract) probes `new Function('')` once to decide
// whether it may compile validators. Our CSP forbids eval (default-src 'self'), so that probe would log a violation;
// jitless mode skips it. This module must be main.tsx's first import: ES modules run in import order, and the
// contract modules build their schemas while they load, before main.tsx's own body runs.
import { config } from 'zod';

config({ jitless: true });
