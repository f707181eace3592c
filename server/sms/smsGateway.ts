/**
 * Where SMS go (issue 17): one interface for every gateway — OVHcloud, Brevo, and the journal of the demo —
 * chosen in the server's settings. `reference` is ours (the SMS's id): a gateway that keeps one makes a
 * resent request a no-op on its side.
 */
export interface SmsToSend {
  reference: string;
  to: string;
  text: string;
  /** Alphanumeric sender (≤ 11 characters), or null for the account's default. */
  sender: string | null;
}

export interface SmsGateway {
  readonly name: string;
  /** Resolves with the gateway's own id of the SMS once it has accepted it; rejects with its reason otherwise. */
  send(sms: SmsToSend): Promise<{ gatewayRef: string }>;
}

/** The demo's gateway: sends nothing; the SMS stays in the database as sent, with its words, and the log counts it. */
export function journalGateway(log: (line: string) => void): SmsGateway {
  return {
    name: "journal",
    async send(sms) {
      log("SMS : 1 SMS noté au journal (aucun envoi : passerelle « journal »).");
      return { gatewayRef: `journal-${sms.reference}` };
    },
  };
}
