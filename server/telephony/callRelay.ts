import { randomUUID } from "node:crypto";
import type { Pool } from "pg";
import { z } from "zod";
import { telephonyCallMessage, type TelephonyCallMessage } from "../../shared/api/wire";
import type { WorkstationSockets } from "../ws/workstationSockets";
import { listenToPostgres } from "../database/postgresListener";

export const CALLS_CHANNEL = "telesec_calls";
export const CALL_ACKS_CHANNEL = "telesec_call_acks";
/** The listening connections' application_name: counting them counts the server processes. */
const RELAY_APPLICATION_NAME = "telesec-call-relay";
/** How long an event waits for every process to say how many sockets it reached. */
const ACK_TIMEOUT_MS = 1_000;

const callNotice = z.object({ deliveryId: z.string().uuid(), userId: z.string().uuid(), message: telephonyCallMessage });
const callAck = z.object({ deliveryId: z.string().uuid(), delivered: z.number().int().nonnegative() });

interface PendingDelivery {
  expected: number;
  acks: number;
  delivered: number;
  settle(): void;
}

/**
 * Forwards a call message to the secretary's workstations whichever server process they are
 * connected to: the message goes out by NOTIFY on CALLS_CHANNEL, every process (this one included)
 * hands it to that user's sockets and answers on CALL_ACKS_CHANNEL with how many it reached. The
 * sender waits for as many answers as there are processes listening (they are counted in
 * pg_stat_activity), a second at most, and returns the total: the `delivered` of the PBX's answer.
 */
export function startCallRelay(pool: Pool, sockets: WorkstationSockets, log: (line: string) => void) {
  const pending = new Map<string, PendingDelivery>();

  function onNotification(channel: string, payload: string): void {
    const parsed = parseJson(payload);
    if (channel === CALLS_CHANNEL) {
      const notice = callNotice.safeParse(parsed);
      if (!notice.success) return;
      const delivered = sockets.sendToUser(notice.data.userId, notice.data.message);
      const ack = JSON.stringify({ deliveryId: notice.data.deliveryId, delivered });
      pool.query("SELECT pg_notify($1, $2)", [CALL_ACKS_CHANNEL, ack]).catch(() => log("appels : accusé de remise non envoyé"));
      return;
    }
    const ack = callAck.safeParse(parsed);
    const delivery = ack.success ? pending.get(ack.data.deliveryId) : undefined;
    if (!ack.success || !delivery) return;
    delivery.acks++;
    delivery.delivered += ack.data.delivered;
    if (delivery.acks >= delivery.expected) delivery.settle();
  }

  const listener = listenToPostgres(pool, { channels: [CALLS_CHANNEL, CALL_ACKS_CHANNEL], applicationName: RELAY_APPLICATION_NAME, onNotification, log });

  return {
    ready: listener.ready,
    stop: () => listener.stop(),
    /** How many sockets, on all processes, received the message. */
    async forward(userId: string, message: TelephonyCallMessage): Promise<number> {
      const { rows } = await pool.query<{ listeners: number }>(
        "SELECT count(*)::int AS listeners FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
        [RELAY_APPLICATION_NAME],
      );
      const expected = rows[0]?.listeners ?? 0;
      if (expected === 0) return 0;
      const deliveryId = randomUUID();
      let settle = () => {};
      const settled = new Promise<void>((resolve) => (settle = resolve));
      const delivery: PendingDelivery = { expected, acks: 0, delivered: 0, settle };
      pending.set(deliveryId, delivery);
      const timer = setTimeout(settle, ACK_TIMEOUT_MS);
      try {
        await pool.query("SELECT pg_notify($1, $2)", [CALLS_CHANNEL, JSON.stringify({ deliveryId, userId, message })]);
        await settled;
        return delivery.delivered;
      } finally {
        clearTimeout(timer);
        pending.delete(deliveryId);
      }
    },
  };
}

export type CallRelay = ReturnType<typeof startCallRelay>;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
