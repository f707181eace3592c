import { timingSafeEqual, createHash } from "node:crypto";
import formBody from "@fastify/formbody";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { dateOf } from "../../shared/time/clock";
import type { ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { markAuthenticated } from "../security/connectionCap";
import { brevoSmsEvent, ovhReceipt, ovhReply } from "../../shared/api/smsWebhooks";
import { brevoEvent } from "./brevoWebhooks";
import { applySmsEvent, type SmsEvent } from "./smsEvents";
import { ovhReceiptEvent, ovhReplyEvent } from "./ovhWebhooks";

declare module "fastify" {
  interface FastifyRequest {
    /** Set once the gateway's secret was checked, before the body was read. */
    smsGateway?: true;
  }
}

const digest = (secret: string) => createHash("sha256").update(secret).digest();

/**
 * The gateways' webhooks (issue 17): delivery receipts and patients' STOP replies. Neither OVHcloud nor Brevo
 * signs them: the agency's secret (TELESEC_SMS_WEBHOOK_SECRET) is in OVHcloud's callback URL and in Brevo's
 * bearer token, checked in constant time before any body is read. Without one configured, they answer 503.
 * A well-formed event the server has nothing to do with is answered 200 all the same (a gateway retries what
 * is not): an unknown SMS id, an intermediate state.
 */
export function registerSmsWebhookRoutes(app: FastifyInstance, context: ServerContext, secret: string | undefined): void {
  const expected = secret ? digest(secret) : null;
  const check = (presented: string | undefined) => {
    if (!expected) throw new ApiError(503, "not_configured", "Accusés de réception SMS non configurés sur ce serveur (TELESEC_SMS_WEBHOOK_SECRET).");
    if (!presented || presented.length > 512 || !timingSafeEqual(digest(presented), expected)) throw new ApiError(401, "unauthenticated", "Passerelle SMS non reconnue : secret absent ou invalide.");
  };
  const byPath = async (request: FastifyRequest<{ Params: { secret: string } }>) => {
    check(request.params.secret);
    markAuthenticated(request.raw.socket);
  };
  const byBearer = async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    check(header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : undefined);
    markAuthenticated(request.raw.socket);
  };
  const apply = async (event: SmsEvent) => ({ applied: await applySmsEvent(context.db, event, dateOf(context.clock)) });

  app.get<{ Params: { secret: string } }>("/api/v1/sms/ovh/receipts/:secret", { onRequest: byPath }, async (request) =>
    apply(ovhReceiptEvent(parseOr400(ovhReceipt, request.query), dateOf(context.clock))),
  );
  // OVHcloud posts replies as a form: the form parser lives in this scope only.
  void app.register(async (scope) => {
    await scope.register(formBody, { bodyLimit: LOGIN_BODY_LIMIT_BYTES });
    scope.post<{ Params: { secret: string } }>("/api/v1/sms/ovh/replies/:secret", { onRequest: byPath, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request) =>
      apply(ovhReplyEvent(parseOr400(ovhReply, request.body))),
    );
  });
  app.post("/api/v1/sms/brevo/events", { onRequest: byBearer, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request) =>
    apply(brevoEvent(parseOr400(brevoSmsEvent, request.body), dateOf(context.clock))),
  );
}
