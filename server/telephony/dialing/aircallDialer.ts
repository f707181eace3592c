import type { Clock } from "../../../shared/time/clock";
import { E164, exchange, field, notPlaced, placed, remoteText, type Dialer, type DialerOptions } from "./dialer";

export interface AircallSettings {
  /** https://api.aircall.io */
  baseUrl: string;
  /** The company's API id and token (Aircall › Intégrations › API Keys): HTTP Basic. */
  apiId: string;
  apiToken: string;
  /** The Aircall Number the calls leave from (its integer id); each secretary must be assigned to it. */
  numberId: number;
  /** The request's limit; 10 s by default. */
  timeoutMs?: number;
}

/** Aircall's own words on a refusal: `troubleshoot` is the useful one, `message` the edge's. */
const theirWords = (body: unknown) => remoteText(field(body, "troubleshoot")) ?? remoteText(field(body, "message"));

/**
 * Aircall's Public API, « Start an outbound call »: `POST /v1/users/{user}/calls` `{ number_id, to }` (E.164
 * as is) → 204; the secretary's Aircall (Workspace or Phone on a desktop) calls the patient at once. Her
 * `extension` is her Aircall user id. Never retried: a request that timed out may have started a real,
 * billed call, and a second one would ring the patient twice.
 */
export function aircallDialer(settings: AircallSettings, clock: Clock, options: DialerOptions = {}): Dialer {
  const fetchImpl = options.fetch ?? fetch;
  const log = options.log ?? (() => {});
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const base = settings.baseUrl.replace(/\/+$/, "");
  const authorization = `Basic ${Buffer.from(`${settings.apiId}:${settings.apiToken}`, "utf8").toString("base64")}`;
  const stop = new AbortController();

  return {
    name: "Aircall",
    async dial(request) {
      if (stop.signal.aborted) return notPlaced("Composition arrêtée : le serveur s'arrête.");
      if (!/^\d{1,20}$/.test(request.extension)) return notPlaced("Identifiant Aircall invalide dans votre profil : prévenez l'administrateur.");
      if (!E164.test(request.number)) return notPlaced("Numéro du patient invalide : il ne peut pas être composé.");
      const answer = await exchange(
        fetchImpl,
        clock,
        timeoutMs,
        `${base}/v1/users/${request.extension}/calls`,
        {
          method: "POST",
          headers: { authorization, "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ number_id: settings.numberId, to: request.number }),
        },
        stop.signal,
      );
      if ("failure" in answer) {
        if (answer.failure === "timeout") return notPlaced("Aircall n'a pas répondu à temps : l'appel est peut-être parti, regardez votre application Aircall avant de réessayer.");
        log(`Composition (Aircall) : ${base} injoignable.`);
        return notPlaced("Aircall ne répond pas : composez le numéro vous-même.");
      }
      const { status, body } = answer;
      if (status >= 200 && status < 300) return placed("Votre application Aircall appelle le patient.");
      const words = theirWords(body);
      const because = words ? ` (« ${words} »)` : "";
      switch (status) {
        case 401:
        case 403:
          log("Composition (Aircall) : identifiants d'API refusés (TELESEC_AIRCALL_API_ID, TELESEC_AIRCALL_API_TOKEN).");
          return notPlaced("Identifiants du standard refusés : prévenez l'administrateur.");
        case 404:
          return notPlaced(`Votre utilisateur Aircall ou la ligne de l'agence est inconnu d'Aircall${because} : prévenez l'administrateur.`);
        case 405:
          return notPlaced("Aircall vous voit indisponible (hors ligne, déjà en appel, ou application Aircall de bureau fermée) : réessayez une fois disponible.");
        case 429:
          return notPlaced("Trop de demandes à Aircall pour l'agence : réessayez dans une minute.");
        default:
          if (status >= 500) return notPlaced(`Aircall est en difficulté (HTTP ${status}) : si votre application Aircall n'appelle pas, composez le numéro vous-même.`);
          return notPlaced(`Aircall a refusé l'appel${because || ` (HTTP ${status})`}.`);
      }
    },
    async close() {
      stop.abort();
    },
  };
}
