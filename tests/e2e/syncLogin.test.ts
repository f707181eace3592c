import { randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PRACTICE } from "../../db/seed/demo";
import { startWebHarness, type WebHarness } from "../../electron/core/harness/webHarness";
import { startServer, type RunningServer } from "../../server/startServer";
import { E2E_OUTPUT_DIR, launchChromium } from "../support/browser";

/**
 * Two browser workstations and a real central server (embedded PostgreSQL, demo agency): the
 * secretary logs in through the UI, the practices arrive by sync, and a patient created on A is
 * found on B.
 */
let root: string;
let server: RunningServer;
let a: WebHarness;
let b: WebHarness;
let browser: Browser;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "telesec-e2e-sync-"));
  // The embedded PostgreSQL runs as the `postgres` user when tests run as root: it must reach its folder.
  chmodSync(root, 0o755);
  server = await startServer({ port: 0, dataDir: join(root, "central"), demo: true, durable: false });
  a = await startWebHarness({ port: 0, dataDir: join(root, "a"), serverUrl: server.url });
  b = await startWebHarness({ port: 0, dataDir: join(root, "b"), serverUrl: server.url });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await a?.close();
  await b?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

async function logIn(harness: WebHarness): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "fr-FR", timezoneId: "Europe/Paris" });
  await page.goto(harness.url);
  const status = page.getByRole("status", { name: "État de la connexion" });
  await expect.poll(() => status.textContent()).toContain("Non connecté");
  await page.getByRole("button", { name: "Se connecter" }).click();
  const dialog = page.getByRole("dialog", { name: "Connexion au serveur de l'agence" });
  await dialog.getByLabel("Identifiant").fill("secretaire");
  await dialog.getByLabel("Mot de passe").fill("demo");
  await dialog.getByRole("button", { name: "Se connecter" }).click();
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain("En ligne");
  return page;
}

describe("logging in and syncing from the browser harness", () => {
  it("refuses a wrong password with a French message", async () => {
    const page = await browser.newPage();
    await page.goto(a.url);
    await page.getByRole("button", { name: "Se connecter" }).click();
    const dialog = page.getByRole("dialog", { name: "Connexion au serveur de l'agence" });
    await dialog.getByLabel("Identifiant").fill("secretaire");
    await dialog.getByLabel("Mot de passe").fill("pas le bon");
    await dialog.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => dialog.getByRole("alert").textContent()).toMatch(/Identifiant ou mot de passe incorrect/);
    await page.close();
  });

  it("logs in, receives the agency by sync, and sees on B a patient created on A", async () => {
    const pageA = await logIn(a);
    const pageB = await logIn(b);

    // The practice card comes from data this workstation only has through sync.
    await pageB.getByLabel("Numéro appelé").fill("01 44 55 66 77");
    await pageB.getByRole("button", { name: "Ouvrir l'appel" }).click();
    await expect.poll(() => pageB.getByRole("region", { name: "Fiche cabinet" }).textContent()).toContain(DEMO_PRACTICE.name);

    await a.workstation.handlers["mutations.apply"]({
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
