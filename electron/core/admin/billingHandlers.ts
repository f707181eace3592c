import { z } from "zod";
import { billingContractView, billingIssuerAnswer, billingMonthView, billingStatementView } from "../../../shared/api/billingApi";
import type { MethodArgs } from "../../../shared/api/contract";
import type { ServerRequest } from "./adminHandlers";

/** A file from the server on the workstation's session (syncService.serverDownload). */
export type ServerDownload = (path: string) => Promise<{ bytes: Uint8Array; mimeType: string; fileName: string }>;

/** Billing the practices (issue 19): each one request to the server, which checks the administrator's role. */
export function billingHandlers(request: () => ServerRequest, download: () => ServerDownload) {
  return {
    "billing.issuer.get": () => request()("GET", "/api/v1/billing/issuer", billingIssuerAnswer),
    "billing.issuer.save": (issuer: MethodArgs<"billing.issuer.save">) => request()("PATCH", "/api/v1/billing/issuer", billingIssuerAnswer, issuer),
    "billing.contracts.list": async ({ practiceId }: MethodArgs<"billing.contracts.list">) =>
      (await request()("GET", `/api/v1/billing/practices/${practiceId}/contracts`, z.object({ contracts: z.array(billingContractView) }))).contracts,
    "billing.contracts.save": async ({ practiceId, contract }: MethodArgs<"billing.contracts.save">) =>
      (await request()("POST", `/api/v1/billing/practices/${practiceId}/contracts`, z.object({ contract: billingContractView }), contract)).contract,
    "billing.month": ({ month }: MethodArgs<"billing.month">) => request()("GET", `/api/v1/billing/months/${month}`, billingMonthView),
    "billing.issue": async ({ practiceId, month }: MethodArgs<"billing.issue">) =>
      (await request()("POST", `/api/v1/billing/practices/${practiceId}/months/${month}/issue`, z.object({ statement: billingStatementView }))).statement,
    // The bytes cross to the renderer as base64: the channel carries JSON.
    "billing.download": async ({ statementId, format }: MethodArgs<"billing.download">) => {
      const file = await download()(`/api/v1/billing/statements/${statementId}/${format}`);
      return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString("base64") };
    },
  };
}
