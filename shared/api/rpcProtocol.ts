import { z } from "zod";

/**
 * The envelope of every message between renderer and core, whatever carries it (MessagePort in
 * Electron, a loopback WebSocket in the browser harness). Transports move these; they never
 * look inside.
 */
export const rpcErrorBody = z.object({ code: z.string(), message: z.string() });
export type RpcErrorBody = z.infer<typeof rpcErrorBody>;

export const rpcRequest = z.object({
  type: z.literal("request"),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown(),
});
export const rpcResponse = z.discriminatedUnion("ok", [
  z.object({ type: z.literal("response"), id: z.number().int(), ok: z.literal(true), output: z.unknown() }),
  z.object({ type: z.literal("response"), id: z.number().int(), ok: z.literal(false), error: rpcErrorBody }),
]);
export const rpcEvent = z.object({ type: z.literal("event"), name: z.string(), payload: z.unknown() });

export const coreToRenderer = z.union([rpcResponse, rpcEvent]);
export type RpcRequest = z.infer<typeof rpcRequest>;
export type RpcResponse = z.infer<typeof rpcResponse>;
export type RpcEvent = z.infer<typeof rpcEvent>;

/** One end of a two-way message channel. Adapters wrap MessagePort, WebSocket or a test pair. */
export interface RpcChannel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): () => void;
}

/** An error the core reports on purpose: a code the UI can branch on and a French message to show. */
export class TelesecError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "TelesecError";
  }
}
