import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { E2E_OUTPUT_DIR } from "../support/browser";
import { logInThroughUi } from "../support/browserSession";
import { useE2eWorld } from "../support/e2eWorld";

/**
 * The lock in a real browser, over the real core and a real server: the secretary signs in,
 * locks with Alt+V (the call screen leaves the page), and unlocks with her password.
 */
const world = useE2eWorld("lock", ["poste"]);

describe("locking the workstation in the browser harness", () => {
  it("locks with Alt+V and unlocks with the password, the core refusing data meanwhile", async () => {
    const harness = world().harnesses.poste!;
    const page = await logInThroughUi(world().browser, harness.url, "secretaire");

    await page.getByLabel("Numéro appelé").click();
    await page.keyboard.press("Alt+KeyV");

    const lockScreen = page.getByRole("main", { name: "Poste verrouillé" });
    await expect.poll(() => lockScreen.count()).toBe(1);
    expect(await page.getByLabel("Numéro appelé").count()).toBe(0);
    expect(harness.workstation.handlers["session.lockStatus"]({})).toMatchObject({ state: "locked" });
    await expect(Promise.resolve().then(() => harness.workstation.handlers["practices.list"]({}))).rejects.toMatchObject({ code: "locked" });
    mkdirSync(E2E_OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(E2E_OUTPUT_DIR, "lock-screen.png") });

    await lockScreen.getByLabel("Mot de passe").fill("pas le bon");
    await page.keyboard.press("Enter");
    await expect.poll(() => lockScreen.getByRole("alert").textContent()).toMatch(/^Mot de passe incorrect\. Encore 4 essais/);

    await lockScreen.getByLabel("Mot de passe").fill("demo");
    await lockScreen.getByRole("button", { name: "Déverrouiller" }).click();
    await expect.poll(() => page.getByLabel("Numéro appelé").count()).toBe(1);
    expect(harness.workstation.handlers["session.lockStatus"]({})).toMatchObject({ state: "unlocked" });
    await page.screenshot({ path: join(E2E_OUTPUT_DIR, "unlocked-call-screen.png") });
    await page.close();
  });
});
