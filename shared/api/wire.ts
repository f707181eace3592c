import { z } from "zod";
import { id } from "../domain/identifiers";
import "../domain/frenchValidation";
import { WORKSTATION_ROLES } from "../domain/enums";
import { mutationEnvelope } from "../sync/mutations";

/**
 * The client↔server wire contract under /api/v1 (documented in docs/protocol.md). The server
 * validates every request body with these schemas; the workstation validates every answer.
 */

export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof errorBody>;

export const loginRequest = z.object({
  login: z.string().trim().min(1, "Identifiant manquant").max(100),
  password: z.string().min(1, "Mot de passe manquant").max(200),
  deviceName: z.string().trim().min(1, "Nom du poste manquant").max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const sessionUser = z.object({
  id,
  name: z.string(),
  role: z.enum(WORKSTATION_ROLES),
  practiceIds: z.array(id),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const loginResponse = z.object({ token: z.string().min(32), deviceId: id, user: sessionUser });
/** POST /api/v1/auth/confirm-password: the signed-in user shows their password again (unlocking after too many local failures). */
export const confirmPasswordRequest = z.object({ password: z.string().min(1, "Mot de passe manquant").max(200) });
export const confirmPasswordResponse = z.object({ confirmed: z.literal(true) });
/** POST /api/v1/auth/logout: the calling device's token is void from now on. */
export const logoutResponse = z.object({ loggedOut: z.literal(true) });
export type LoginResponse = z.infer<typeof loginResponse>;

export const MAX_MUTATIONS_PER_PUSH = 500;

export const pushRequest = z.object({
  clientId: z.string().uuid(),
  mutations: z.array(mutationEnvelope).min(1).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequest>;

export const mutationResult = z.object({
  seq: z.number().int().positive(),
  status: z.enum(["applied", "rejected", "duplicate"]),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type MutationResult = z.infer<typeof mutationResult>;

export const pushResponse = z.object({ results: z.array(mutationResult), lastMutationSeq: z.number().int().nonnegative() });
export type PushResponse = z.infer<typeof pushResponse>;

/**
 * Reads of patient records made on a workstation (offline too), uploaded after each push for the audit
 * trail: which patients were shown, when, by whom on that workstation, in which practice.
 */
export const READ_AUDIT_ACTIONS = ["patient.caller_match", "patient.search"] as const;
export const MAX_READS_PER_UPLOAD = 500;
export const auditRead = z.object({
  id: z.string().uuid(),
  at: z.string().datetime({ offset: true }),
  /** The user signed in on the workstation when the read was made. */
  userId: z.string().uuid().nullable(),
  practiceId: z.string().uuid(),
  action: z.enum(READ_AUDIT_ACTIONS),
  patientIds: z.array(z.string().uuid()).min(1).max(100),
});
export type AuditRead = z.infer<typeof auditRead>;
export const auditReadsRequest = z.object({ reads: z.array(auditRead).min(1).max(MAX_READS_PER_UPLOAD) });
export type AuditReadsRequest = z.infer<typeof auditReadsRequest>;
export const auditReadsResponse = z.object({ recorded: z.number().int().nonnegative() });
export type AuditReadsResponse = z.infer<typeof auditReadsResponse>;

export const MAX_PULL_LIMIT = 20_000;
/** A backfill names at most this many practices a request: the list travels in the URL. */
export const MAX_BACKFILL_PRACTICES = 100;
export const pullQuery = z.object({
  cursor: z.string().max(4000).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(5_000),
  clientId: z.string().uuid().optional(),
  /**
   * A backfill: the pull is limited to these practices (comma-separated ids, among the user's own), from
   * its own cursor. The workstation asks for it when its account is given practices: their older rows
   * were never in its pulls' scope (docs/protocol.md).
   */
  practices: z
    .string()
    .max(MAX_BACKFILL_PRACTICES * 37)
    .transform((text) => text.split(","))
    .pipe(z.array(id).min(1).max(MAX_BACKFILL_PRACTICES))
    .optional(),
  /** How the page carries its rows: `changes` (the first format, kept for older workstations) or `columns` (pullColumnsResponse). */
  format: z.enum(["changes", "columns"]).default("changes"),
});
export type PullQuery = z.infer<typeof pullQuery>;

export const SYNCED_TABLES = [
  "practice",
  "dialled_number",
  "practitioner",
  "appointment_type",
  "directive",
  "user",
  "patient",
  "appointment",
  "waitlist_entry",
  "message",
  "call",
  "callback",
  "device",
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/**
 * One row as the server holds it, camelCase keys, instants as ISO strings; `delete` carries the
 * tombstone. Here only its shape is checked: the workstation checks every column against its own
 * table before writing (db/local/rowCodec.ts), so checking each key twice would only cost time.
 */
const plainObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "Ligne attendue sous forme d'objet",
);
export const change = z.object({
  table: z.enum(SYNCED_TABLES),
  op: z.enum(["upsert", "delete"]),
  row: plainObject,
});
export type Change = z.infer<typeof change>;

/** What ends a pull page in either format: where the next one starts, and the client's last applied mutation. */
const pageEnd = {
  cursor: z.string(),
  hasMore: z.boolean(),
  lastMutationSeq: z.number().int().nonnegative(),
};
export const pullResponse = z.object({ changes: z.array(change), ...pageEnd });
export type PullResponse = z.infer<typeof pullResponse>;

/**
 * The compact page (`format=columns`): per table, its column names once, then each row as an array of
 * values in that order, instants as epoch milliseconds (the store's own form); the tombstone is the row
 * whose `deletedAt` is set. Half the server's time and 40 % fewer bytes than `changes` for a first sync
 * (docs/performance.md). Each row's cells are checked against the workstation's own table
 * (db/local/rowCodec.ts): only the shape is checked here.
 */
const rowOfCells = z.custom<unknown[]>((value) => Array.isArray(value), "Ligne attendue sous forme de tableau");
export const pulledTable = z.object({
  table: z.enum(SYNCED_TABLES),
  columns: z.array(z.string()).min(1),
  rows: z.array(rowOfCells),
});
export type PulledTable = z.infer<typeof pulledTable>;
export const pullColumnsResponse = z.object({ tables: z.array(pulledTable), ...pageEnd });
export type PullColumnsResponse = z.infer<typeof pullColumnsResponse>;
/** What a pull may answer: a server older than the compact format ignores `format` and sends `changes`. */
export const pullAnswer = z.union([pullColumnsResponse, pullResponse]);
export type PullAnswer = z.infer<typeof pullAnswer>;

export const TELEPHONY_EVENTS = ["ringing", "answered", "ended"] as const;
export type TelephonyEventKind = (typeof TELEPHONY_EVENTS)[number];

/**
 * A PBX event forwarded to the agent's workstation. `callId` is the id of the call row the server
 * recorded for it (so the call log holds it even when the workstation is offline); numbers are E.164,
 * `callerNumber` null when withheld, `practiceId` null when no practice answers on the dialled number.
 */
export const telephonyCallMessage = z.object({
  type: z.literal("call"),
  event: z.enum(TELEPHONY_EVENTS),
  callId: id,
  externalCallId: z.string().min(1).max(200),
  dialledNumber: z.string().min(1).max(40),
  callerNumber: z.string().min(1).max(40).nullable(),
  practiceId: id.nullable(),
  at: z.string().datetime({ offset: true }),
});
export type TelephonyCallMessage = z.infer<typeof telephonyCallMessage>;

/** Server → workstation over /api/v1/ws. */
export const serverSocketMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("poke"), cursor: z.string() }),
  z.object({ type: z.literal("hello"), userId: id }),
  telephonyCallMessage,
]);
export type ServerSocketMessage = z.infer<typeof serverSocketMessage>;

/**
 * The close code of a WebSocket whose session ended (workstation revoked, signed out, account
 * disabled); the close reason is the error code its next request gets (`device_revoked`, `session_closed`).
 */
export const SESSION_ENDED_CLOSE_CODE = 4401;

export const healthResponse = z.object({ status: z.literal("ok") });
