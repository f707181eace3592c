import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { calendarFeeds } from "../../db/central/schema";
import type { AdminCalendarFeedView } from "../../shared/api/admin";
import type { CentralTx } from "../centralTransaction";
import { newSecretToken } from "../security/secretTokens";

type FeedRow = typeof calendarFeeds.$inferSelect;

/** A feed as its lists show it: never its address, shown once at creation. */
export const calendarFeedView = (feed: FeedRow): AdminCalendarFeedView => ({
  id: feed.id,
  practitionerId: feed.practitionerId,
  createdAt: feed.createdAt.toISOString(),
  revokedAt: feed.revokedAt ? feed.revokedAt.toISOString() : null,
});

/** A new feed for the practitioner, made by an administrator or by the doctor on the portal: its row, and its path to show once. */
export async function createCalendarFeed(tx: CentralTx, practitionerId: string, createdBy: string, now: Date): Promise<{ feed: FeedRow; path: string }> {
  const { token, tokenHash } = newSecretToken();
  const [feed] = await tx.insert(calendarFeeds).values({ id: randomUUID(), practitionerId, tokenHash, createdAt: now, createdBy }).returning();
  return { feed: feed!, path: `/ics/${token}.ics` };
}

/** Revokes a feed locked by the caller; revoked twice, the first revocation's time stands. Null: it was revoked already. */
export async function revokeCalendarFeed(tx: CentralTx, feed: FeedRow, now: Date): Promise<FeedRow | null> {
  if (feed.revokedAt) return null;
  const [revoked] = await tx.update(calendarFeeds).set({ revokedAt: now }).where(eq(calendarFeeds.id, feed.id)).returning();
  return revoked!;
}
