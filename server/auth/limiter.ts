// Sign-in throttling: at most `attempts` tries per client address in a sliding window, whatever the user names, so a
// guesser cannot spray passwords across accounts; repeated failures on one account lock it (server/auth/auth.ts).

export class AttemptLimiter {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly attempts: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt from `key`; returns 0 when allowed, else the seconds until the next one is. */
  hit(key: string): number {
    const now = this.now();
    const recent = (this.seen.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.attempts) {
      this.seen.set(key, recent);
      return Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.seen.set(key, recent);
    if (this.seen.size > 10_000) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [k, ts] of this.seen) if (ts.every((t) => now - t >= this.windowMs)) this.seen.delete(k);
  }
}
