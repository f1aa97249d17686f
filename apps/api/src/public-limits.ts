import type { Clock } from '@xinfang/event-store';
import { epochMs } from '@xinfang/domain';

/*
 * The bounds on the public status look-up (no token: anyone on the network may ask). Per client address,
 * over a fixed window: at most `FAILED_GUESSES` codes that name no case, then every look-up is refused
 * until the window ends (a right code too, so guessing cannot go on); and at most `REQUESTS` look-ups in
 * all. With 80-bit codes, 10 guesses an hour leave no chance to find one. Each server counts its own
 * clients; the table is bounded, the oldest windows dropped first.
 */

export interface Limits {
  readonly windowSeconds: number;
  readonly failedGuesses: number;
  readonly requests: number;
  /** Clients counted at once: the oldest window is dropped to make room. */
  readonly clients: number;
}

export const PUBLIC_LIMITS: Limits = { windowSeconds: 3_600, failedGuesses: 10, requests: 120, clients: 10_000 };

interface Window {
  readonly startedMs: number;
  requests: number;
  failures: number;
}

export interface PublicLimits {
  /** Seconds until the client may ask again, or 0 when it may ask now (the look-up is counted). */
  readonly admit: (client: string) => number;
  /** Counts a code that named no case. */
  readonly failed: (client: string) => void;
}

export const createPublicLimits = (clock: Clock, limits: Limits = PUBLIC_LIMITS): PublicLimits => {
  const windows = new Map<string, Window>();
  const windowMs = limits.windowSeconds * 1_000;
  const current = (client: string): Window => {
    const now = epochMs(clock.now());
    const known = windows.get(client);
    if (known !== undefined && now - known.startedMs < windowMs) return known;
    windows.delete(client);
    // A Map keeps insertion order: the first entries are the oldest windows.
    while (windows.size >= limits.clients) {
      const oldest = windows.keys().next().value;
      if (oldest === undefined) break;
      windows.delete(oldest);
    }
    const fresh = { startedMs: now, requests: 0, failures: 0 };
    windows.set(client, fresh);
    return fresh;
  };
  return {
    admit: (client) => {
      const window = current(client);
      if (window.failures >= limits.failedGuesses || window.requests >= limits.requests) {
        return Math.max(1, Math.ceil((window.startedMs + windowMs - epochMs(clock.now())) / 1_000));
      }
      window.requests += 1;
      return 0;
    },
    failed: (client) => {
      current(client).failures += 1;
    },
  };
};
