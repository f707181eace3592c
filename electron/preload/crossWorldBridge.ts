import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, TelesecBridge } from "../../shared/api/contract";
import { TelesecError } from "../../shared/api/rpcProtocol";

/** How a failed call reaches the page: a plain object, since contextBridge keeps only an Error's message. */
export interface BridgeFailure {
  name: "TelesecError";
  code: string;
  message: string;
}

/**
 * The object given to contextBridge: two plain functions and nothing else (contextBridge copies
 * objects and drops class instances and prototypes). A rejection carries `{ name, code, message }`
 * so the page can still tell "store_unreadable" from "invalid" from "transport".
 */
export function crossWorldBridge(client: TelesecBridge): TelesecBridge {
  return {
    call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      return client.call(method, input).catch((error: unknown) => {
        throw toBridgeFailure(error);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return client.on(event, listener);
    },
  };
}

export function toBridgeFailure(error: unknown): BridgeFailure {
  if (error instanceof TelesecError) return { name: "TelesecError", code: error.code, message: error.message };
  return { name: "TelesecError", code: "internal", message: "Erreur inattendue du poste. L'opération n'a peut-être pas été effectuée." };
}
