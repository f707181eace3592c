import type { EventName, EventPayload, MethodName, MethodInput, MethodOutput, TelesecBridge } from "./contract";
import { coreToRenderer, TelesecError, type RpcChannel } from "./rpcProtocol";

/**
 * The renderer's side of the RPC: turns `call` into request messages and matches responses by id.
 * The core validates inputs and outputs against the contract, so this side only checks envelopes.
 */
export function createRpcClient(channel: RpcChannel): TelesecBridge {
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  channel.onMessage((raw) => {
    const parsed = coreToRenderer.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === "event") {
      for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
      return;
    }
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.output);
    else waiter.reject(new TelesecError(message.error.code, message.error.message));
  });

  return {
    call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const id = nextId++;
      return new Promise<MethodOutput<M>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        try {
          channel.send({ type: "request", id, method, input });
        } catch (error) {
          pending.delete(id);
          reject(new TelesecError("transport", `Le poste ne répond pas : ${String(error)}`));
        }
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
  };
}
