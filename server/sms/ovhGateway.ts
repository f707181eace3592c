import { createHash } from "node:crypto";
import type { Clock } from "../../shared/time/clock";
import type { SmsGateway } from "./smsGateway";

export interface OvhSettings {
  /** The API's root: https://eu.api.ovh.com/1.0 (Europe). */
  endpoint: string;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
  /** The SMS account, « sms-ab12345-1 ». */
  serviceName: string;
  /** The account's declared sender, when a practice has none of its own. */
  defaultSender: string | null;
}

/** OVHcloud's request signature: « $1$ » and the SHA-1 of secret, consumer key, method, URL, body and timestamp joined by « + ». */
export function ovhSignature(secret: string, consumerKey: string, method: string, url: string, body: string, timestamp: number): string {
  return `$1$${createHash("sha1").update(`${secret}+${consumerKey}+${method}+${url}+${body}+${timestamp}`).digest("hex")}`;
}

/**
 * OVHcloud SMS (its REST API, from its public documentation): `POST /sms/{serviceName}/jobs`, signed with the
 * application's secret and the consumer key, timestamped on the server's clock. Transactional: no STOP
 * clause (the patient's opposition is honoured by Télésec). Our reference travels as the job's tag.
 */
export function ovhGateway(settings: OvhSettings, clock: Clock, fetchImpl: typeof fetch = fetch): SmsGateway {
  return {
    name: "OVHcloud",
    async send(sms) {
      const url = `${settings.endpoint.replace(/\/$/, "")}/sms/${encodeURIComponent(settings.serviceName)}/jobs`;
      const sender = sms.sender ?? settings.defaultSender;
      const body = JSON.stringify({
        message: sms.text,
        receivers: [sms.to],
        ...(sender ? { sender } : { senderForResponse: false }),
        noStopClause: true,
        priority: "high",
        charset: "UTF-8",
        tag: sms.reference.slice(0, 20),
      });
      const timestamp = Math.floor(clock.now() / 1000);
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-ovh-application": settings.applicationKey,
            "x-ovh-consumer": settings.consumerKey,
            "x-ovh-timestamp": String(timestamp),
            "x-ovh-signature": ovhSignature(settings.applicationSecret, settings.consumerKey, "POST", url, body, timestamp),
          },
          body,
        });
      } catch {
        throw new Error("OVHcloud injoignable : nouvel essai plus tard.");
      }
      const answer = (await response.json().catch(() => null)) as { ids?: number[]; invalidReceivers?: string[]; message?: string } | null;
      if (!response.ok) throw new Error(`OVHcloud a refusé le SMS (${response.status}${answer?.message ? ` : ${answer.message}` : ""}).`);
      if (answer?.invalidReceivers?.length) throw new Error("OVHcloud a refusé le numéro du patient (destinataire invalide).");
      const id = answer?.ids?.[0];
      if (id === undefined) throw new Error("OVHcloud n'a pas donné d'identifiant au SMS.");
      return { gatewayRef: `ovh-${id}` };
    },
  };
}
