import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { startWebHarness, type WebHarness } from "../../electron/core/harness/webHarness";
import { createWorkstation } from "../../electron/core/workstation";
import { launchChromium } from "../support/browser";
import { e2eClock } from "../support/e2eInstant";

/** A store whose key no longer matches: the secretary is told why and offered a reset, never a silent empty store. */
let dataDir: string;
let harness: WebHarness;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "telesec-e2e-key-"));
  const keyFile = join(dataDir, "store.key");
  (await createWorkstation({ dataDir, keyProvider: keyFileProvider(keyFile) })).close();
  writeFileSync(keyFile, "0f".repeat(32));
  harness = await startWebHarness({ port: 0, dataDir, clock: e2eClock() });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("unreadable local store in the browser harness", () => {
  it("explains the wrong key and resets the workstation after confirmation", async () => {
    const page = await browser.newPage();
    await page.goto(harness.url);
    await expect
      .poll(() => page.getByRole("heading", { name: "Les données locales du poste sont illisibles" }).count())
      .toBe(1);
    expect(await page.getByRole("alert").first().textContent()).toMatch(/clé/i);
    expect(harness.workstation.status()).toMatchObject({ state: "store_unreadable", reason: "wrong_key" });

    await page.getByRole("button", { name: "Réinitialiser et resynchroniser" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Oui, réinitialiser" }).click();

    await expect.poll(() => page.getByLabel("Numéro appelé").count()).toBe(1);
    expect(harness.workstation.status()).toEqual({ state: "ready" });
  });
});
