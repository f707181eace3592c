import type { Clock } from "../../shared/time/clock";
import type { PulledPage } from "./pull";

/**
 * The next page of a pull, made as soon as a page with more to come is answered. The workstation asks
 * for the next page when a page arrives and writes that page meanwhile; without this, the server
 * would wait for each request, and a first sync's pages (≈ 65 of them for an agency) would alternate
 * between the server working and the workstation writing instead of overlapping.
 *
 * A made page is only given to the request it was made for: same session (device, user, role and
 * practices as they are now — an account whose practices changed meanwhile gets a page made afresh),
 * same cursor, size, format, practices and client. It is a page as of the moment it was made, which a
 * pull at that moment would have answered: rows written since come in a later page (pull.ts). Kept
 * briefly, a few at a time (each is several megabytes); one the workstation never asks for is dropped.
 */
export interface ReadAheadRequest {
  deviceId: string;
  userId: string;
  role: string;
  practiceIds: readonly string[];
  cursor: string;
  limit: number;
  format: string;
  practices: readonly string[] | undefined;
  clientId: string | undefined;
}

export function createPullReadAhead(clock: Clock, { maxPages = 8, keepMs = 30_000 } = {}) {
  const made = new Map<string, Promise<PulledPage | null>>();
  const keyOf = (request: ReadAheadRequest) => JSON.stringify(request);

  return {
    /** The page made for exactly this request, once; null when there is none (or its making failed). */
    take(request: ReadAheadRequest): Promise<PulledPage | null> | null {
      const key = keyOf(request);
      const page = made.get(key) ?? null;
      made.delete(key);
      return page;
    },
    /** Starts making the page `request` will ask for; the oldest made page goes when there are too many. */
    start(request: ReadAheadRequest, make: () => Promise<PulledPage>): void {
      while (made.size >= maxPages) made.delete(made.keys().next().value!);
      const key = keyOf(request);
      // A failure is the request's to redo: it then makes its page itself.
      const page = make().catch(() => null);
      made.set(key, page);
      // Not asked for in time (the workstation stopped, or went elsewhere): its megabytes go.
      clock.setTimer(() => {
        if (made.get(key) === page) made.delete(key);
      }, keepMs);
    },
    /** How many pages are held (tests). */
    size: () => made.size,
  };
}

export type PullReadAhead = ReturnType<typeof createPullReadAhead>;
