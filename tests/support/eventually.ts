import { vi } from "vitest";

/**
 * The suite's one way to wait for something to happen (component tests excepted: they use Testing
 * Library's `waitFor`, which wraps each check in React's `act`). Retries `check` until it returns
 * without throwing and not `false`, then resolves at once: no fixed sleep decides anything.
 * Built on `vi.waitFor`, which retries only on a throw; `false` is accepted too so that a plain
 * condition reads as one. Past `timeoutMs`, it fails with the check's last failure (an assertion's
 * own diff), or says in French that the condition never held.
 */
export async function eventually(check: () => unknown, timeoutMs = 15_000): Promise<void> {
  const never = `condition jamais remplie en ${timeoutMs} ms`;
  try {
    await vi.waitFor(
      async () => {
        if ((await check()) === false) throw new Error(never);
      },
      // 20 ms: short enough not to slow a test down, long enough not to crowd out what it waits for.
      { timeout: timeoutMs, interval: 20 },
    );
  } catch (error) {
    // vi.waitFor's own timeout (no check ever settled) has an English message and no detail.
    if (error instanceof Error && error.message === "Timed out in waitFor!") throw new Error(`${never} (la vérification n'a jamais abouti)`);
    throw error;
  }
}
