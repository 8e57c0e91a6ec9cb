// The answers the server preloads with the page (`<link rel="preload" as="fetch">`, server/static.ts), asked for by the
// boot script itself, before the app's ≈ 2 MB of code has loaded: the app then reads them as data before its first
// render (web/queries/first-answers.ts) instead of asking for each in an effect after it, which left the national
// first screen ≈ 0.4 s of render passes between the app's start and the map being made (issue 15). No imports: this
// module is part of the boot script.

/** The answers on their way, by path and query as the typed client writes them; each can be taken once. */
const early = new Map<string, Promise<Response>>();

const keyOf = (url: string | URL): string => {
  const u = new URL(url, window.location.href);
  return u.origin === window.location.origin ? u.pathname + u.search : u.href;
};

/** Asks for every answer the page was sent with a preload link for (a fetch with the link's URL takes the preload). */
export function fetchEarly(): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')) {
    const answer = fetch(link.href);
    // Taken later (or never, on a page that does not read it): a failure here is the taker's to see, not an
    // unhandled rejection.
    answer.catch(() => undefined);
    early.set(keyOf(link.href), answer);
  }
}

/** The paths whose answers are on their way and not yet taken. */
export function earlyPaths(): string[] {
  return [...early.keys()];
}

/**
 * fetch(), except that a plain GET of an answer fetched early gets that answer (once): the typed client's fetch
 * (web/api.ts). Anything else — another method, a body, an abort signal, a second ask — goes to the network.
 */
export function fetchOrEarly(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const plain = typeof input === 'string' || input instanceof URL;
  const method = (init?.method ?? 'GET').toUpperCase();
  if (plain && method === 'GET' && !init?.signal) {
    const key = keyOf(input);
    const answer = early.get(key);
    if (answer) {
      early.delete(key);
      return answer;
    }
  }
  return fetch(input, init);
}
