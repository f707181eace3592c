import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PRACTICE } from "../../db/seed/demo";
import { E2E_OUTPUT_DIR } from "../support/browser";
import { CALL_SCREEN_PAGE, logInThroughUi } from "../support/browserSession";
import { useE2eWorld } from "../support/e2eWorld";

/**
 * Two browser workstations and a real central server (embedded PostgreSQL, demo agency): the
 * secretary logs in through the UI, the practices arrive by sync, and a patient created on A is
 * found on B.
 */
const world = useE2eWorld("sync", ["a", "b"]);
const logIn = (workstation: "a" | "b"): Promise<Page> => logInThroughUi(world().browser, world().harnesses[workstation]!.url, "secretaire");

async function openSignedIn(workstation: "a" | "b"): Promise<Page> {
  const page = await world().browser.newPage(CALL_SCREEN_PAGE);
  await page.goto(world().harnesses[workstation]!.url);
  await page.getByRole("status", { name: "État de la connexion" }).filter({ hasText: "En ligne" }).waitFor({ timeout: 30_000 });
  return page;
}

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
    // Typed once: found at once if the patient is already on B, else when sync brings it (the search on
    // screen follows the replica, as the secretary would expect, without another keystroke).
    await pageB.getByLabel("Rechercher un patient").fill("zephyrin");
    await expect.poll(() => pageB.getByRole("search", { name: "Recherche de patients" }).textContent(), { timeout: 15_000 }).toContain("Anaïs");

    mkdirSync(E2E_OUTPUT_DIR, { recursive: true });
    await pageB.screenshot({ path: join(E2E_OUTPUT_DIR, "sync-workstation-b.png") });
    await pageA.close();
    await pageB.close();
  });

  it("shows on B's open call, without reopening it, a message taken on A (scenario 4 of issue 13)", async () => {
    // Both workstations are still signed in from the test above: a new page finds them so.
    const pageA = await openSignedIn("a");
    const pageB = await openSignedIn("b");
    for (const page of [pageA, pageB]) {
      await page.getByLabel("Numéro appelé").fill("01 44 55 66 77");
      await page.getByRole("button", { name: "Ouvrir l'appel" }).click();
      await page.getByRole("region", { name: "Messages du cabinet" }).waitFor();
    }
    const textOnB = "Demande un rappel pour un certificat.";
    await pageB.keyboard.press("Alt+KeyM");
    const draft = pageB.getByRole("dialog", { name: "Message pour le médecin" });
    await draft.getByLabel("Message", { exact: true }).fill(textOnB);

    await pageA.keyboard.press("Alt+KeyM");
    const dialog = pageA.getByRole("dialog", { name: "Message pour le médecin" });
    await dialog.getByLabel("Nom de l'appelant").fill("Gaston Vernier");
    await dialog.getByLabel("Message", { exact: true }).fill("Rappeler au sujet du certificat de sport.");
    await pageA.keyboard.press("Control+Enter");
    await expect.poll(() => dialog.count()).toBe(0);

    // B's secretary is typing her own message meanwhile: the list behind her dialog follows, her text stays.
    await expect
      .poll(() => pageB.getByRole("region", { name: "Messages du cabinet" }).textContent(), { timeout: 10_000 })
      .toContain("Rappeler au sujet du certificat de sport.");
    expect(await draft.getByLabel("Message", { exact: true }).inputValue()).toBe(textOnB);
    await pageA.close();
    await pageB.close();
  });
});
