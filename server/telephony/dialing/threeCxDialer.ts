import type { Clock } from "../../../shared/time/clock";
import { dialableNumber, exchange, field, notPlaced, placed, remoteText, type Dialer, type DialerOptions, type DialOutcome } from "./dialer";

export interface ThreeCxSettings {
  /** The PBX's address, « https://agence.3cx.fr ». */
  baseUrl: string;
  /** Admin › Intégrations › API: the Client ID (the route point's DN) and its API key, « 3CX Call Control API Access » ticked. */
  clientId: string;
  clientSecret: string;
  /** Each HTTP request's limit; 10 s by default. */
  timeoutMs?: number;
}

/** A token is renewed this long before 3CX says it expires: a request never leaves with a dying one. */
const TOKEN_MARGIN_S = 60;
/** When 3CX gives no lifetime: the half hour its own sample caches tokens for. */
const DEFAULT_TOKEN_LIFETIME_S = 1_800;

const SAFE_DN = /^[A-Za-z0-9_.-]{1,32}$/;

type Answer = { status: number; body: unknown };
const isOutcome = (value: Answer | DialOutcome | string): value is DialOutcome => typeof value === "object" && "placed" in value;

/**
 * 3CX V20's Call Control API: a client-credentials token (`POST /connect/token`, cached for its lifetime),
 * the extension's devices (`GET /callcontrol/{dn}/devices`), then `makecall` from its first device: 3CX
 * rings that phone, then the patient. Success is `result.id` in the answer, as in 3CX's own sample;
 * otherwise its `reasontext` is shown. A call request is never repeated after a timeout (it may have left);
 * only a 401 on a cached token — refused before anything happens — gets a new token and one more try.
 */
export function threeCxDialer(settings: ThreeCxSettings, clock: Clock, options: DialerOptions = {}): Dialer {
  const fetchImpl = options.fetch ?? fetch;
  const log = options.log ?? (() => {});
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const base = settings.baseUrl.replace(/\/+$/, "");
  const stop = new AbortController();
  let cached: { token: string; expiresAt: number } | null = null;
  let pendingToken: Promise<string | DialOutcome> | null = null;

  const credentialsRefused = () => {
    log("Composition (3CX) : identifiants d'API refusés (TELESEC_3CX_CLIENT_ID, TELESEC_3CX_CLIENT_SECRET).");
    return notPlaced("Identifiants du standard refusés : prévenez l'administrateur.");
  };
  const unreachable = (mayHaveLeft: boolean) => {
    if (!mayHaveLeft) log(`Composition (3CX) : ${base} ne répond pas.`);
    return mayHaveLeft
      ? notPlaced("Le standard n'a pas répondu à temps : votre poste sonne peut-être, sinon composez le numéro vous-même.")
      : notPlaced("Le standard ne répond pas : composez le numéro vous-même.");
  };
  const unexpected = (what: string) => {
    log(`Composition (3CX) : réponse inattendue (${what}).`);
    return notPlaced(`Le standard a répondu de façon inattendue (${what}) : composez le numéro vous-même.`);
  };

  async function newToken(): Promise<string | DialOutcome> {
    const body = new URLSearchParams({ client_id: settings.clientId, client_secret: settings.clientSecret, grant_type: "client_credentials" });
    const answer = await exchange(
      fetchImpl,
      clock,
      timeoutMs,
      `${base}/connect/token`,
      { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }, body: body.toString() },
      stop.signal,
    );
    if ("failure" in answer) return unreachable(false);
    if (answer.status === 400 || answer.status === 401 || answer.status === 403) return credentialsRefused();
    const token = field(answer.body, "access_token");
    if (answer.status !== 200 || typeof token !== "string" || token === "") return unexpected(`jeton, HTTP ${answer.status}`);
    const lifetime = Number(field(answer.body, "expires_in"));
    const seconds = Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_TOKEN_LIFETIME_S;
    cached = { token, expiresAt: clock.now() + Math.max(0, seconds - TOKEN_MARGIN_S) * 1000 };
    return token;
  }

  // Dials that start together share one token request.
  const freshToken = () => (pendingToken ??= newToken().finally(() => (pendingToken = null)));

  /** A Call Control request with the token; a cached token 3CX no longer knows (401) is renewed once. */
  async function callControl(path: string, init: RequestInit, mayHaveLeft: boolean): Promise<Answer | DialOutcome> {
    const fromCache = cached !== null && cached.expiresAt > clock.now() ? cached.token : null;
    const send = (token: string) =>
      exchange(fetchImpl, clock, timeoutMs, `${base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}`, accept: "application/json" } }, stop.signal);
    const token = fromCache ?? (await freshToken());
    if (isOutcome(token)) return token;
    let answer = await send(token);
    if (!("failure" in answer) && answer.status === 401 && fromCache !== null) {
      if (cached?.token === fromCache) cached = null;
      const renewed = await freshToken();
      if (isOutcome(renewed)) return renewed;
      answer = await send(renewed);
    }
    if ("failure" in answer) return unreachable(mayHaveLeft);
    if (answer.status === 401) {
      cached = null;
      return credentialsRefused();
    }
    return answer;
  }

  return {
    name: "3CX",
    async dial(request) {
      if (stop.signal.aborted) return notPlaced("Composition arrêtée : le serveur s'arrête.");
      if (!SAFE_DN.test(request.extension)) return notPlaced("Numéro de poste invalide dans votre profil : prévenez l'administrateur.");
      const destination = dialableNumber(request.number);
      if (destination === null) return notPlaced("Numéro du patient invalide : il ne peut pas être composé.");
      const extension = request.extension;
      const dn = encodeURIComponent(extension);

      const devices = await callControl(`/callcontrol/${dn}/devices`, { method: "GET" }, false);
      if (isOutcome(devices)) return devices;
      if (devices.status === 403) {
        log(`Composition (3CX) : le poste ${extension} n'est pas dans les postes surveillés par l'API.`);
        return notPlaced(`Le standard ne laisse pas Télésec piloter le poste ${extension} : prévenez l'administrateur.`);
      }
      if (devices.status === 404) return notPlaced(`Poste ${extension} inconnu du standard : vérifiez le poste de votre profil.`);
      if (devices.status !== 200 || !Array.isArray(devices.body)) return unexpected(`appareils, HTTP ${devices.status}`);
      const device = devices.body.map((entry) => field(entry, "device_id")).find((id): id is string => typeof id === "string" && id !== "");
      if (device === undefined) return notPlaced(`Aucun téléphone n'est connecté à votre poste ${extension} : allumez-le (ou ouvrez l'application 3CX), puis réessayez.`);

      // device_id is opaque (a SIP contact: « sip:201@10.0.0.20:5060;rinstance=… »): one path segment once encoded.
      const call = await callControl(
        `/callcontrol/${dn}/devices/${encodeURIComponent(device)}/makecall`,
        { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ destination }) },
        true,
      );
      if (isOutcome(call)) return call;
      const id = field(field(call.body, "result"), "id");
      if (call.status >= 200 && call.status < 300 && id !== undefined && id !== null) return placed(`Votre poste ${extension} sonne : décrochez pour appeler le patient.`);
      const why = remoteText(field(call.body, "reasontext"));
      if (why) return notPlaced(`Le standard a refusé l'appel (« ${why} »).`);
      if (call.status === 403) return notPlaced(`Le standard ne laisse pas Télésec appeler depuis le poste ${extension} : prévenez l'administrateur.`);
      if (call.status === 404) return notPlaced(`Votre téléphone n'est plus connecté au poste ${extension} : réessayez.`);
      return notPlaced(`Le standard a refusé l'appel (HTTP ${call.status}).`);
    },
    async close() {
      stop.abort();
    },
  };
}
