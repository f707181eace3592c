import { z } from "zod";
import { SYNCED_TABLES, type SyncedTable } from "../../shared/api/wire";

/**
 * Where a workstation's replica stands: for each table, the last (version, id) it has received.
 * Opaque to the client (base64url JSON); a per-table position lets a page stop in the middle of a
 * large table — the seed writes a million rows in few transactions, so versions alone cannot page.
 *
 * A table's first rows come in key order (pull.ts): its position is then (0, last id, `below`), the
 * rows of versions below `below` still to come after that id. A table absent from the cursor has sent nothing.
 */
export type VersionPosition = readonly [version: number, id: string];
export type KeyOrderPosition = readonly [version: 0, id: string, below: number];
export type TablePosition = VersionPosition | KeyOrderPosition;
export type PullCursor = Partial<Record<SyncedTable, TablePosition>>;

const uuidText = z.string().max(64);
const position = z.union([
  z.tuple([z.number().int().nonnegative(), uuidText]),
  z.tuple([z.literal(0), uuidText, z.number().int().positive()]),
]);
const cursorSchema = z.partialRecord(z.enum(SYNCED_TABLES), position);

export function encodeCursor(cursor: PullCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor a client sent back, or null when it is not one we made. */
export function decodeCursor(text: string | undefined): PullCursor | null {
  if (text === undefined || text === "") return {};
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
