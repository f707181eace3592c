import type { MethodArgs } from "../../../shared/api/contract";
import { callbackDialAnswer } from "../../../shared/api/callbackApi";
import type { ServerRequest } from "../admin/adminHandlers";

/** The PBX is the server's to drive: « composer par le standard » is asked of it, online only. */
export function callbackHandlers(request: () => ServerRequest) {
  return {
    "callbacks.dial": ({ id }: MethodArgs<"callbacks.dial">) => request()("POST", `/api/v1/callbacks/${id}/dial`, callbackDialAnswer),
  };
}
