import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebHarness, type WebHarness } from "../../electron/core/harness/webHarness";
import { startServer, type RunningServer } from "../../server/startServer";
import { E2E_OUTPUT_DIR, launchChromium } from "../support/browser";

/**
 * The lock in a real browser, over the real core and a real server: the secretary signs in,
 * locks with Alt+V (the call screen leaves the page), and unlocks with her password.
 */
let root: string;
let server: RunningServer;
let harness: WebHarness;
let browser: Browser;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "telesec-e2e-lock-"));
  // The embedded PostgreSQL runs as the `postgres` user when tests run as root: it must reach its folder.
  chmodSync(root, 0o755);
  server = await startServer({ port: 0, dataDir: join(root, "central"), demo: true, durable: false });
  harness = await startWebHarness({ port: 0, dataDir: join(root, "poste"), serverUrl: server.url });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("locking the workstation in the browser harness", () => {
  it("locks with Alt+V and unlocks with the password, the core refusing data meanwhile", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "fr-FR", timezoneId: "Europe/Paris" });
    await page.goto(harness.url);
    const status = page.getByRole("status", { name: "État de la connexion" });
    await page.getByRole("button", { name: "Se connecter" }).click();
    const dialog = page.getByRole("dialog", { name: "Connexion au serveur de l'agence" });
    await dialog.getByLabel("Identifiant").fill("secretaire");
    await dialog.getByLabel("Mot de passe").fill("demo");
    await dialog.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain("En ligne");

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
