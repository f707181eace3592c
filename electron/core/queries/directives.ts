import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import type { DirectiveView } from "../../../shared/api/views";
import { compareDirectives } from "../../../shared/domain/directives";
import { directives } from "../../../db/local/schema";
import type { LocalDb } from "../../../db/local/openLocalStore";

/** The directives of a practice (and of its practitioners) that apply at an instant, in reading order. */
export function directivesInForce(db: LocalDb, practiceId: string, at: string): DirectiveView[] {
  const instant = new Date(at);
  const rows = db
    .select()
    .from(directives)
    .where(
      and(
        eq(directives.practiceId, practiceId),
        isNull(directives.deletedAt),
        or(isNull(directives.validFrom), lte(directives.validFrom, instant)),
        or(isNull(directives.validTo), gt(directives.validTo, instant)),
      ),
    )
    .all();
  return rows
    .map((row) => ({
      id: row.id,
      practiceId: row.practiceId,
      practitionerId: row.practitionerId,
      category: row.category,
      title: row.title,
      text: row.text,
      priority: row.priority,
      validFrom: row.validFrom?.toISOString() ?? null,
      validTo: row.validTo?.toISOString() ?? null,
    }))
    .sort(compareDirectives);
}
