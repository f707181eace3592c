import { describe, expect, it, vi } from "vitest";
import { BUSY_LOGIN_WAITS_MS, loginRetryingWhileBusy } from "../../electron/core/sync/busyLogin";
import { ServerError } from "../../electron/core/sync/serverApi";
import { manualClock } from "../support/manualClock";

const busy = () => new ServerError("unreachable", "busy", "Le serveur de l'agence est très sollicité : réessayez dans un instant.");

/** The login the server was too busy to take is tried again, on the core's clock: the test moves it. */
describe("a login the server is too busy for", () => {
  it("is tried again after a short wait, and succeeds when the server can take it", async () => {
    const clock = manualClock();
    let calls = 0;
    const login = loginRetryingWhileBusy(async () => {
      calls++;
      if (calls <= 2) throw busy();
      return "session";
    }, clock);
    for (const wait of BUSY_LOGIN_WAITS_MS.slice(0, 2)) {
      await vi.waitFor(() => expect(clock.pending()).toBe(1));
      clock.advance(wait - 1);
      expect(clock.pending()).toBe(1);
      clock.advance(1);
    }
    expect(await login).toBe("session");
    expect(calls).toBe(3);
  });

  it("gives up after a few tries with the server's words, and never retries another refusal", async () => {
    const clock = manualClock();
    let calls = 0;
    const always = loginRetryingWhileBusy(async () => {
      calls++;
      throw busy();
    }, clock);
    for (const wait of BUSY_LOGIN_WAITS_MS) {
      await vi.waitFor(() => expect(clock.pending()).toBe(1));
      clock.advance(wait);
    }
    await expect(always).rejects.toMatchObject({ code: "busy", message: expect.stringMatching(/très sollicité/) });
    expect(calls).toBe(BUSY_LOGIN_WAITS_MS.length + 1);

    let wrongPassword = 0;
    const refused = loginRetryingWhileBusy(async () => {
      wrongPassword++;
      throw new ServerError("unauthenticated", "invalid_credentials", "Identifiant ou mot de passe incorrect.");
    }, clock);
    await expect(refused).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(wrongPassword).toBe(1);
    expect(clock.pending()).toBe(0);
  });
});
