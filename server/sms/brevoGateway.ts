import type { SmsGateway } from "./smsGateway";

export interface BrevoSettings {
  /** https://api.brevo.com/v3 */
  endpoint: string;
  apiKey: string;
  defaultSender: string;
}

/**
 * Brevo transactional SMS (its public documentation): `POST /transactionalSMS/sms` with the account's key in
 * `api-key`; the recipient in international digits without « + »; Unicode allowed (Brevo splits and bills the
 * parts). Our reference travels as the SMS's tag.
 */
export function brevoGateway(settings: BrevoSettings, fetchImpl: typeof fetch = fetch): SmsGateway {
  return {
    name: "Brevo",
    async send(sms) {
      let response: Response;
      try {
        response = await fetchImpl(`${settings.endpoint.replace(/\/$/, "")}/transactionalSMS/sms`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json", "api-key": settings.apiKey },
          body: JSON.stringify({
            type: "transactional",
            sender: sms.sender ?? settings.defaultSender,
            recipient: sms.to.replace(/^\+/, ""),
            content: sms.text,
            tag: sms.reference,
            unicodeEnabled: true,
          }),
        });
      } catch {
        throw new Error("Brevo injoignable : nouvel essai plus tard.");
      }
      const answer = (await response.json().catch(() => null)) as { messageId?: number | string; code?: string; message?: string } | null;
      if (!response.ok) throw new Error(`Brevo a refusé le SMS (${response.status}${answer?.message ? ` : ${answer.message}` : ""}).`);
      if (answer?.messageId === undefined) throw new Error("Brevo n'a pas donné d'identifiant au SMS.");
      return { gatewayRef: `brevo-${answer.messageId}` };
    },
  };
}
