import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ovhSignature } from "../../server/sms/ovhGateway";

/**
 * Local HTTP servers that speak the SMS gateways' documented requests and answers, for tests: they check the
 * credentials as the real ones do (OVHcloud's signature, Brevo's key), keep what they accept, and answer a
 * rate limit when told to. Given where to, they call back as the real ones do — a delivery receipt for
 * each SMS accepted (a failure for the numbers told to fail), a patient's reply on demand. Never a live gateway.
 */
async function listen(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void) {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => handle(request, Buffer.concat(chunks).toString("utf8"), response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What the gateway's callbacks got back, in order: each receipt's and reply's HTTP status. */
export interface Callbacks {
  answers: number[];
  /** Resolves once every callback sent so far has been answered. */
  settled(): Promise<void>;
}

function callbacks(): Callbacks & { call(url: string, init?: RequestInit): void } {
  const pending = new Set<Promise<void>>();
  const answers: number[] = [];
  return {
    answers,
    call(url, init) {
      const done = fetch(url, init).then(
        (response) => void answers.push(response.status),
        () => void answers.push(0),
      );
      pending.add(done);
      void done.finally(() => pending.delete(done));
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

const answer = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
};

export interface OvhJob {
  message: string;
  receivers: string[];
  sender?: string;
  noStopClause: boolean;
  tag: string;
}

/**
 * OVHcloud: `callBack` is the account's receipt URL (GET, state in the query string), `replies` its answer
 * URL (a form POST); `failing` numbers get a failed receipt (ptt 24, subscriber absent).
 */
export async function startFakeOvhApi(
  credentials: { applicationKey: string; applicationSecret: string; consumerKey: string; serviceName: string },
  hooks: { callBack?: string; replies?: string; failing?: readonly string[] } = {},
) {
  const jobs: OvhJob[] = [];
  const calls = callbacks();
  let limited = 0;
  const server = await listen((request, body, response) => {
    const url = `http://127.0.0.1:${server.port}${request.url}`;
    if (request.method !== "POST" || request.url !== `/1.0/sms/${credentials.serviceName}/jobs`) return answer(response, 404, { message: "Not found" });
    const timestamp = Number(request.headers["x-ovh-timestamp"]);
    const expected = ovhSignature(credentials.applicationSecret, credentials.consumerKey, "POST", url, body, timestamp);
    if (request.headers["x-ovh-application"] !== credentials.applicationKey) return answer(response, 403, { message: "Invalid application key" });
    if (request.headers["x-ovh-consumer"] !== credentials.consumerKey || request.headers["x-ovh-signature"] !== expected) return answer(response, 403, { message: "Invalid signature" });
    if (limited > 0) {
      limited--;
      return answer(response, 429, { message: "Too many requests" });
    }
    const job = JSON.parse(body) as OvhJob;
    const invalid = job.receivers.filter((receiver) => !/^\+\d{8,15}$/.test(receiver));
    if (invalid.length === 0) jobs.push(job);
    const id = 10_000 + jobs.length;
    answer(response, 200, { ids: invalid.length ? [] : [id], invalidReceivers: invalid, validReceivers: job.receivers.filter((r) => !invalid.includes(r)), totalCreditsRemoved: invalid.length ? 0 : 1 });
    if (invalid.length === 0 && hooks.callBack) {
      const failed = hooks.failing?.includes(job.receivers[0]!);
      const state = failed ? { ptt: "24", description: "2", descriptionDlr: "Failed" } : { ptt: "4", description: "1", descriptionDlr: "Success" };
      calls.call(`${hooks.callBack}?${new URLSearchParams({ id: String(id), date: "2026-11-23 10:00:31", ...state })}`);
    }
  });
  return {
    ...server,
    jobs,
    receipts: calls as Callbacks,
    endpoint: `http://127.0.0.1:${server.port}/1.0`,
    rateLimitNext: (count: number) => void (limited = count),
    /** A patient answers an SMS from `number` (as OVHcloud writes it: « 0033… »). */
    reply(number: string, message: string) {
      if (!hooks.replies) throw new Error("fake OVHcloud: no reply URL");
      calls.call(hooks.replies, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ id: "4242", keyword: message.split(" ")[0] ?? "", message, senderid: number, shortcode: "38100", tag: "" }).toString(),
      });
    },
  };
}

export interface BrevoSms {
  type: string;
  sender: string;
  recipient: string;
  content: string;
  tag: string;
}

/**
 * Brevo: `webhook` is the account's transactional SMS webhook (JSON POST, its bearer token); `failing` numbers
 * hard-bounce; with `holdReceipts`, receipts wait for `releaseReceipts()` (the operator's delay, in the test's hands).
 */
export async function startFakeBrevoApi(
  apiKey: string,
  hooks: { webhook?: { url: string; token: string }; failing?: readonly string[]; holdReceipts?: boolean; answerDelayMs?: number } = {},
) {
  const sent: BrevoSms[] = [];
  const calls = callbacks();
  const held: Array<Record<string, unknown>> = [];
  let limited = 0;
  const post = (fields: Record<string, unknown>) => {
    if (!hooks.webhook) return;
    calls.call(hooks.webhook.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${hooks.webhook.token}` },
      body: JSON.stringify({ id: 26527, type: "transactional", date: "2026-11-23 10:00:31", ts_event: 1_795_424_431, ...fields }),
    });
  };
  const event = (fields: Record<string, unknown>) => (hooks.holdReceipts && fields.messageId !== undefined ? held.push(fields) : post(fields));
  const server = await listen((request, body, response) => {
    if (request.method !== "POST" || request.url !== "/v3/transactionalSMS/sms") return answer(response, 404, { code: "not_found", message: "Not found" });
    if (request.headers["api-key"] !== apiKey) return answer(response, 401, { code: "unauthorized", message: "Key not found" });
    if (limited > 0) {
      limited--;
      return answer(response, 429, { code: "too_many_requests", message: "Too many requests" });
    }
    const sms = JSON.parse(body) as BrevoSms;
    if (!/^[A-Za-z0-9 ]{1,11}$|^\d{1,15}$/.test(sms.sender) || !/^\d{8,15}$/.test(sms.recipient) || !sms.content) {
      return answer(response, 400, { code: "invalid_parameter", message: "Invalid sender, recipient or content" });
    }
    // Taken as soon as it is read, answered after `answerDelayMs`: a sender killed meanwhile has had it sent.
    sent.push(sms);
    const messageId = 1_000_000 + sent.length;
    const accepted = () => answer(response, 201, { reference: `ref-${sent.length}`, messageId, smsCount: 1, usedCredits: 1, remainingCredits: 99 });
    if (hooks.answerDelayMs) setTimeout(accepted, hooks.answerDelayMs);
    else accepted();
    const failed = hooks.failing?.includes(`+${sms.recipient}`);
    event(failed ? { msg_status: "hard_bounce", messageId, to: sms.recipient, description: "Invalid number", bounce_type: "hard" } : { msg_status: "delivered", messageId, to: sms.recipient, status: "OK", description: "delivered" });
  });
  return {
    ...server,
    sent,
    receipts: calls as Callbacks,
    endpoint: `http://127.0.0.1:${server.port}/v3`,
    rateLimitNext: (count: number) => void (limited = count),
    /** A patient answers from `number` (international digits, as Brevo writes it). */
    reply: (number: string, text: string) => event({ msg_status: "reply", to: number, reply: text }),
    /** Brevo's own STOP handling: the number unsubscribed. */
    unsubscribe: (number: string) => event({ msg_status: "unsubscribe", to: number }),
    /** Sends the receipts held so far. */
    releaseReceipts: () => held.splice(0).forEach(post),
  };
}
