import type { Clock } from "../../../shared/time/clock";
import { ServerError } from "./serverApi";

/** Waits between tries of a login the server said it was too busy to take (503 `busy`): ≈ 7 s in all. */
export const BUSY_LOGIN_WAITS_MS = [250, 500, 1_000, 2_000, 3_000];

/**
 * A login the server answered `busy` (every database connection taken: fifty workstations signing in at
 * 8:00 on a loaded server) is tried again a few times before the secretary hears of it. Safe: such a login
 * opened no session, whose device row is the server's last write, in one transaction (server/auth/routes.ts).
 */
export async function loginRetryingWhileBusy<T>(login: () => Promise<T>, clock: Clock): Promise<T> {
  for (const wait of BUSY_LOGIN_WAITS_MS) {
    try {
      return await login();
    } catch (error) {
      if (!(error instanceof ServerError && error.code === "busy")) throw error;
      await new Promise<void>((resolve) => clock.setTimer(resolve, wait));
    }
  }
  return login();
}
