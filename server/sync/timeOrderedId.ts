import { randomBytes } from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest random.
 * Rows written in time order then land at the right end of their primary-key index instead of on a
 * random page of it: the audit trail takes one row per applied mutation, and random keys cost every
 * push a scattered page write. Made here rather than by PostgreSQL (uuidv7() exists from version 18
 * only; the server supports 13 and later).
 */
export function timeOrderedId(now: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
