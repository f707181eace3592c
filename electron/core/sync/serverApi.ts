import type { z } from "zod";
import {
  auditReadsResponse,
  confirmPasswordResponse,
  errorBody,
  loginResponse,
  logoutResponse,
  pullAnswer,
  pushResponse,
  type AuditReadsRequest,
  type AuditReadsResponse,
  type LoginRequest,
  type LoginResponse,
  type PushRequest,
  type PushResponse,
} from "../../../shared/api/wire";
import { decodePulledPage, type PulledPage } from "./pulledPage";
import { WireRowError } from "../../../db/local/rowCodec";

/**
 * The workstation's calls to the central server, each answer checked against the wire contract.
 * Failures are classified for the sync loop: unreachable (retry later), unauthenticated (sign in
 * again), refused (the server said why), broken (the answer made no sense).
 */
export class ServerError extends Error {
  constructor(
    readonly kind: "unreachable" | "unauthenticated" | "refused" | "broken",
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ServerError";
  }
}

const REQUEST_TIMEOUT_MS = 30_000;

/** The server's answer, whatever its status; no answer at all is « unreachable ». */
async function fetchAnswer(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch {
    throw new ServerError("unreachable", "unreachable", "Serveur injoignable : le poste travaille hors ligne.");
  }
}

/** A refusal in the server's own words (`{error:{code, message}}`), or its HTTP status when it gave none. */
function refusal(status: number, body: unknown): ServerError {
  const error = errorBody.safeParse(body);
  const code = error.success ? error.data.error.code : `http_${status}`;
  const message = error.success ? error.data.error.message : `Le serveur a répondu HTTP ${status}.`;
  if (status === 401) return new ServerError("unauthenticated", code, message);
  return new ServerError(status >= 500 ? "unreachable" : "refused", code, message);
}

async function call<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<T> {
  const response = await fetchAnswer(url, init);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ServerError(response.status >= 500 ? "unreachable" : "broken", "broken", `Réponse illisible du serveur (HTTP ${response.status}).`);
  }
  if (!response.ok) throw refusal(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ServerError("broken", "broken", "Réponse du serveur hors protocole.");
  return parsed.data;
}

/** A file the server sends (a statement's CSV or PDF): its bytes, type and name; refusals as `call`'s. */
async function download(url: string, token: string): Promise<{ bytes: Uint8Array; mimeType: string; fileName: string }> {
  const response = await fetchAnswer(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw refusal(response.status, await response.json().catch(() => null));
  const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
  if (!fileName) throw new ServerError("broken", "broken", "Réponse du serveur hors protocole.");
  return { bytes: new Uint8Array(await response.arrayBuffer()), mimeType: (response.headers.get("content-type") ?? "application/octet-stream").split(";")[0]!, fileName };
}

const json = (token: string | null, body?: unknown): RequestInit => ({
  method: body === undefined ? "GET" : "POST",
  headers: {
    accept: "application/json",
    ...(body === undefined ? {} : { "content-type": "application/json" }),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

export function serverApi(serverUrl: string) {
  const base = serverUrl.replace(/\/+$/, "");
  return {
    login: (request: LoginRequest): Promise<LoginResponse> => call(`${base}/api/v1/auth/login`, json(null, request), loginResponse),
    confirmPassword: (token: string, password: string): Promise<unknown> =>
      call(`${base}/api/v1/auth/confirm-password`, json(token, { password }), confirmPasswordResponse),
    logout: (token: string): Promise<unknown> => call(`${base}/api/v1/auth/logout`, json(token, {}), logoutResponse),
    push: (token: string, request: PushRequest): Promise<PushResponse> => call(`${base}/api/v1/sync/push`, json(token, request), pushResponse),
    uploadReads: (token: string, request: AuditReadsRequest): Promise<AuditReadsResponse> =>
      call(`${base}/api/v1/sync/reads`, json(token, request), auditReadsResponse),
    /** A page in the compact format, its rows checked and in the store's form. `practices`: a backfill of these practices only, from its own cursor. */
    pull: async (token: string, cursor: string, clientId: string, limit: number, practices?: readonly string[]): Promise<PulledPage> => {
      const query = new URLSearchParams({ cursor, clientId, limit: String(limit), format: "columns", ...(practices ? { practices: practices.join(",") } : {}) });
      const answer = await call(`${base}/api/v1/sync/pull?${query}`, json(token), pullAnswer);
      try {
        return decodePulledPage(answer);
      } catch (error) {
        if (error instanceof WireRowError && error.reason === "newer_server") throw new ServerError("broken", "update_required", error.message);
        const detail = error instanceof WireRowError ? ` ${error.message}` : "";
        throw new ServerError("broken", "broken", `Réponse du serveur hors protocole.${detail}`);
      }
    },
    socketUrl: () => `${base.replace(/^http/, "ws")}/api/v1/ws`,
    /** An administration or statistics request (`/api/v1/admin/…`, `/api/v1/stats/…`), its answer checked. */
    request: <T>(token: string, method: "GET" | "POST" | "PATCH" | "DELETE", path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> =>
      call(`${base}${path}`, { ...json(token, method === "GET" || method === "DELETE" ? undefined : (body ?? {})), method }, schema),
    /** A file to save (`/api/v1/billing/statements/…/pdf`). */
    download: (token: string, path: string) => download(`${base}${path}`, token),
  };
}

export type ServerApi = ReturnType<typeof serverApi>;
