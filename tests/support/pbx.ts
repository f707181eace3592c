/**
 * A telephone system (PBX) as the server sees it: `POST /api/v1/telephony/events` in the common
 * form, with the PBX's shared secret in `X-Telesec-Pbx-Secret` (docs/protocol.md, "Téléphonie").
 * Free of vitest, so benchmarks use it too.
 */
export interface PbxEvent {
  event: "ringing" | "answered" | "ended";
  callId: string;
  calledNumber?: string;
  callerNumber?: string | null;
  agent?: string | null;
  at: string;
}

export interface PbxAnswer {
  status: number;
  body: Record<string, unknown>;
  /** Date.now() when the request left. */
  sentAt: number;
  /** Date.now() when the response's status line and headers arrived (the 202, for an accepted event). */
  answeredAt: number;
}

export async function postPbxEvent(serverUrl: string, secret: string, event: PbxEvent): Promise<PbxAnswer> {
  const sentAt = Date.now();
  const response = await fetch(`${serverUrl}/api/v1/telephony/events`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telesec-pbx-secret": secret },
    body: JSON.stringify(event),
  });
  const answeredAt = Date.now();
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, sentAt, answeredAt };
}
