import type { Clock } from "../../../shared/time/clock";

/**
 * « Une touche, et le standard appelle » (issue 18): the server asks the agency's PBX to ring the
 * secretary's own phone (her extension) and then the patient. One interface for every PBX — Asterisk
 * (AMI), 3CX (Call Control API), Aircall (Public API) — chosen in the server's settings (dialerSettings.ts).
 */
export interface DialRequest {
  /** The secretary's extension (Asterisk, 3CX) or her Aircall user id. */
  extension: string;
  /** The patient's number in E.164, « +33612345678 ». */
  number: string;
  /** Ours (a uuid: the callback's id), for the PBX's logs where it keeps one. */
  reference: string;
}

/** `detail` and `reason` are French sentences shown to the secretary as they are. */
export type DialOutcome = { placed: true; detail: string } | { placed: false; reason: string };

export interface Dialer {
  readonly name: string;
  /** Never rejects: a refusal, a timeout or a network failure is `{ placed: false, reason }`. */
  dial(request: DialRequest): Promise<DialOutcome>;
  /** Ends the requests under way (they resolve as not placed); later dials are refused. */
  close(): Promise<void>;
}

export interface DialerOptions {
  /** Lines for the server's log: the PBX's faults (unreachable, credentials), never a patient's number. */
  log?: (line: string) => void;
  /** For the HTTP dialers; the real one by default. */
  fetch?: typeof fetch;
}

export const placed = (detail: string): DialOutcome => ({ placed: true, detail });
export const notPlaced = (reason: string): DialOutcome => ({ placed: false, reason });

export const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The number as a French PBX dials it: PBXs dial what they are given, and their outbound routes expect
 * the national form. Metropolitan France (+33) and the overseas departments, which share the national
 * plan (+262 Réunion and Mayotte, +590 Guadeloupe, +594 Guyane, +596 Martinique), become « 0… »; any
 * other country « 00 » and its digits. Null when `e164` is not E.164.
 */
export function dialableNumber(e164: string): string | null {
  if (!E164.test(e164)) return null;
  // Each of these codes has the national prefix « 0 » and nine-digit numbers (« +262 692… » is « 0692… »).
  const national = /^\+(?:33|262|590|594|596)(\d{9})$/.exec(e164);
  return national ? `0${national[1]}` : `00${e164.slice(1)}`;
}

/**
 * A PBX's own words, fit to show: one line, no control characters, at most 160 characters (the rest of
 * the sentence is ours).
 */
export function remoteText(text: unknown): string | null {
  if (typeof text !== "string") return null;
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  if (!line) return null;
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

export type HttpAnswer = { status: number; body: unknown } | { failure: "timeout" | "network" };

/**
 * One HTTP request of the HTTP dialers, bounded by `timeoutMs` on `clock` (headers and body), ended early
 * by `stop` (the dialer closing). Never rejects: a failure is named; a body that is not JSON reads as null.
 */
export async function exchange(
  fetchImpl: typeof fetch,
  clock: Clock,
  timeoutMs: number,
  url: string,
  init: RequestInit,
  stop: AbortSignal,
): Promise<HttpAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const cancelTimer = clock.setTimer(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onStop = () => controller.abort();
  stop.addEventListener("abort", onStop);
  try {
    if (stop.aborted) throw new Error("closed");
    const response = await fetchImpl(url, { ...init, signal: controller.signal, redirect: "error" });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: response.status, body };
  } catch {
    return { failure: timedOut ? "timeout" : "network" };
  } finally {
    cancelTimer();
    stop.removeEventListener("abort", onStop);
  }
}

/** A field of a JSON object answer, if the answer is an object. */
export function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
}
