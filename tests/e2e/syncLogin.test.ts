import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PRACTICE } from "../../db/seed/demo";
import { E2E_OUTPUT_DIR } from "../support/browser";
import { logInThroughUi } from "../support/browserSession";
import { useE2eWorld } from "../support/e2eWorld";

/**
 * Two browser workstations and a real central server (embedded PostgreSQL, demo agency): the
 * secretary logs in through the UI, the practices arrive by sync, and a patient created on A is
 * found on B.
 */
const world = useE2eWorld("sync", ["a", "b"]);
const logIn = (workstation: "a" | "b"): Promise<Page> => logInThroughUi(world().browser, world().harnesses[workstation]!.url, "secretaire");

describe("logging in and syncing from the browser harness", () => {
  it("refuses a wrong password with a French message", async () => {
    const page = await world().browser.newPage();
    await page.goto(world().harnesses.a!.url);
    await page.getByRole("button", { name: "Se connecter" }).click();
    const dialog = page.getByRole("dialog", { name: "Connexion au serveur de l'agence" });
    await dialog.getByLabel("Identifiant").fill("secretaire");
    await dialog.getByLabel("Mot de passe").fill("pas le bon");
    await dialog.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => dialog.getByRole("alert").textContent()).toMatch(/Identifiant ou mot de passe incorrect/);
    await page.close();
  });

  it("logs in, receives the agency by sync, and sees on B a patient created on A", async () => {
    const pageA = await logIn("a");
    const pageB = await logIn("b");

    // The practice card comes from data this workstation only has through sync.
    await pageB.getByLabel("Numéro appelé").fill("01 44 55 66 77");
    await pageB.getByRole("button", { name: "Ouvrir l'appel" }).click();
    await expect.poll(() => pageB.getByRole("region", { name: "Fiche cabinet" }).textContent()).toContain(DEMO_PRACTICE.name);

    await world().harnesses.a!.workstation.handlers["mutations.apply"]({
      name: "patient.create",
      args: {
        id: randomUUID(),
        practiceId: DEMO_PRACTICE.id,
        birthName: "Zéphyrin",
        usedName: null,
        firstName: "Anaïs",
        birthDate: "1990-04-02",
        phones: ["+33698765432"],
        email: null,
        notes: null,
      },
    });
    await pageB.getByLabel("Rechercher un patient").fill("zephyrin");
    await expect
      .poll(async () => {
        await pageB.getByLabel("Rechercher un patient").fill("zephyri");
        await pageB.getByLabel("Rechercher un patient").fill("zephyrin");
        return pageB.getByRole("list", { name: "Patients trouvés" }).textContent();
      }, { timeout: 15_000 })
      .toContain("Anaïs");

    mkdirSync(E2E_OUTPUT_DIR, { recursive: true });
    await pageB.screenshot({ path: join(E2E_OUTPUT_DIR, "sync-workstation-b.png") });
    await pageA.close();
    await pageB.close();
  });
});
