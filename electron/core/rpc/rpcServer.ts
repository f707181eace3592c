import { describeIssues } from "../../../shared/domain/frenchValidation";
import { events, methods, type EventName, type EventPayload, type MethodArgs, type MethodName, type MethodOutput } from "../../../shared/api/contract";
import { rpcRequest, TelesecError, type RpcChannel, type RpcErrorBody } from "../../../shared/api/rpcProtocol";

export type Handlers = { [M in MethodName]: (args: MethodArgs<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

export interface RpcServer {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): void;
}

/**
 * The core's side of the RPC. Every input is parsed with the contract before a handler sees it
 * and every output is checked before it leaves, so a malformed request gets a clear French error
 * and changes nothing, and a handler bug cannot leak a malformed answer.
 */
export function serveRpc(channel: RpcChannel, handlers: Handlers, log: (line: string) => void = () => {}): RpcServer {
  const unsubscribe = channel.onMessage((raw) => {
    const request = rpcRequest.safeParse(raw);
    if (!request.success) {
      log("rpc: message ignoré (enveloppe invalide)");
      return;
    }
    const { id, method, input } = request.data;
    void answer(method, input).then(
      (output) => channel.send({ type: "response", id, ok: true, output }),
      (error: unknown) => channel.send({ type: "response", id, ok: false, error: toErrorBody(error, method, log) }),
    );
  });

  async function answer(method: string, input: unknown): Promise<unknown> {
    if (!Object.hasOwn(methods, method)) throw new TelesecError("unknown_method", `Opération inconnue : ${method}`);
    const name = method as MethodName;
    const contract = methods[name];
    const args = contract.input.safeParse(input);
    if (!args.success) throw new TelesecError("invalid", `Requête invalide : ${describeIssues(args.error)}`);
    const handler = handlers[name] as (args: unknown) => unknown;
    const output = await handler(args.data);
    const checked = contract.output.safeParse(output);
    if (!checked.success) throw new Error(`${name} a produit une réponse hors contrat : ${describeIssues(checked.error)}`);
    return checked.data;
  }

  return {
    emit(event, payload) {
      channel.send({ type: "event", name: event, payload: events[event].parse(payload) });
    },
    close: unsubscribe,
  };
}

function toErrorBody(error: unknown, method: string, log: (line: string) => void): RpcErrorBody {
  if (error instanceof TelesecError) return { code: error.code, message: error.message };
  // Unexpected failures are logged by method name only: messages may quote patient data.
  log(`rpc: erreur interne dans ${method}`);
  return { code: "internal", message: "Erreur interne du poste. L'opération n'a pas été effectuée." };
}
