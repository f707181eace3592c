import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ovhSignature } from "../../server/sms/ovhGateway";

/**
 * Local HTTP servers that speak the SMS gateways' documented requests and answers, for tests: they check the
 * credentials as the real ones do (OVHcloud's signature, Brevo's key), keep what they accept, and answer a
 * rate limit when told to. Never a live gateway.
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

export async function startFakeOvhApi(credentials: { applicationKey: string; applicationSecret: string; consumerKey: string; serviceName: string }) {
  const jobs: OvhJob[] = [];
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
    answer(response, 200, { ids: invalid.length ? [] : [10_000 + jobs.length], invalidReceivers: invalid, validReceivers: job.receivers.filter((r) => !invalid.includes(r)), totalCreditsRemoved: invalid.length ? 0 : 1 });
  });
  return { ...server, jobs, endpoint: `http://127.0.0.1:${server.port}/1.0`, rateLimitNext: (count: number) => void (limited = count) };
}

export interface BrevoSms {
  type: string;
  sender: string;
  recipient: string;
  content: string;
  tag: string;
}

export async function startFakeBrevoApi(apiKey: string) {
  const sent: BrevoSms[] = [];
  let limited = 0;
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
    sent.push(sms);
    answer(response, 201, { reference: `ref-${sent.length}`, messageId: 1_000_000 + sent.length, smsCount: 1, usedCredits: 1, remainingCredits: 99 });
  });
  return { ...server, sent, endpoint: `http://127.0.0.1:${server.port}/v3`, rateLimitNext: (count: number) => void (limited = count) };
}
