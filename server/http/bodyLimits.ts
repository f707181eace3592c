import { MAX_MUTATIONS_PER_PUSH, MAX_READS_PER_UPLOAD } from "../../shared/api/wire";

/**
 * How large a request body may be, route by route. Fastify refuses a larger body with 413 while
 * reading it, before parsing anything; the error handler answers `too_large` with the route's own
 * limit in French.
 */

/** Any route that does not say otherwise: no request of this API but a push needs more. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * A login is three short fields (500 characters in all): even with every character escaped
 * (`\uXXXX`, 6 bytes) it stays under 4 KiB.
 */
export const LOGIN_BODY_LIMIT_BYTES = 8 * 1024;

/**
 * Room for one mutation as the workstation serialises it: the largest (a patient with 5,000
 * characters of notes, or a message of 5,000 characters) is about 15 KiB when every character
 * takes 3 bytes in UTF-8, 31 KiB if every one were a control character escaped in 6.
 */
export const PUSH_BYTES_PER_MUTATION = 32 * 1024;

/**
 * A full push, 16 MiB: more than MAX_MUTATIONS_PER_PUSH of the largest mutations (500 × 32 KiB).
 * The workstation sends up to that many at once whatever their size, and retries a refused push for
 * ever, so a smaller limit would leave a workstation with long notes in its outbox stuck. The push
 * authenticates before its body is read: only a signed-in workstation can make the server read that much.
 */
export const PUSH_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

if (MAX_MUTATIONS_PER_PUSH * PUSH_BYTES_PER_MUTATION > PUSH_BODY_LIMIT_BYTES) {
  throw new Error("PUSH_BODY_LIMIT_BYTES ne peut plus contenir MAX_MUTATIONS_PER_PUSH mutations : relevez-la.");
}

/**
 * An upload of reads for the audit trail: at most MAX_READS_PER_UPLOAD reads of at most 100 patient
 * ids (39 bytes each in JSON) and 250 bytes of the rest, about 2 MiB; authenticated before it is read.
 */
export const AUDIT_READS_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

if (MAX_READS_PER_UPLOAD * (100 * 39 + 250) > AUDIT_READS_BODY_LIMIT_BYTES) {
  throw new Error("AUDIT_READS_BODY_LIMIT_BYTES ne peut plus contenir MAX_READS_PER_UPLOAD lectures : relevez-la.");
}

/** "8 Kio", "16 Mio": sizes as the French messages and docs write them. */
export function frenchSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} Mio`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} Kio`;
  return `${bytes} octets`;
}
