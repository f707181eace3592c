import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbacks, calls } from "../../db/central/schema";
import { logInThroughUi } from "../support/browserSession";
import { useE2eWorld } from "../support/e2eWorld";
import { eventually } from "../support/eventually";

/**
 * Issue 18 end to end, two workstations on one server: a message « rappel demandé » taken on the
 * secretary's workstation is in both queues; the supervisor takes it and the secretary sees who has it;
 * the supervisor calls back, reaches the patient and closes the call; both counts drop.
 */
const world = useE2eWorld("a-rappeler", ["secretaire", "superviseur"]);
const REASON = "Souhaite être rappelée pour ses résultats de prise de sang";
let secretary: Page;
let supervisor: Page;
let before: number;

/** The header's count, from its accessible name (« À rappeler : 3, dont 1 en retard »). */
async function countOn(page: Page): Promise<number> {
  const name = await page.getByRole("button", { name: /^À rappeler : \d+/ }).getAttribute("aria-label");
  return Number(/^À rappeler : (\d+)/.exec(name ?? "")?.[1] ?? NaN);
}

const itemOn = (page: Page) => page.getByRole("region", { name: "À rappeler" }).getByRole("listitem").filter({ hasText: REASON });

beforeAll(async () => {
  secretary = await logInThroughUi(world().browser, world().harnesses.secretaire!.url, "secretaire");
  supervisor = await logInThroughUi(world().browser, world().harnesses.superviseur!.url, "superviseur");
  // Both have pulled the demo agency: the same queue on each.
  await eventually(async () => !Number.isNaN(await countOn(secretary)), 15_000);
  before = await countOn(secretary);
  await eventually(async () => (await countOn(supervisor)) === before, 15_000);
});

afterAll(async () => {
  await secretary?.close();
  await supervisor?.close();
});

describe("« À rappeler » on two workstations", () => {
  it("a message « rappel demandé » is at once in the secretary's queue, and in the supervisor's by sync", async () => {
    await secretary.getByLabel("Numéro appelé").fill("01 44 55 66 77");
    await secretary.getByLabel("Numéro de l'appelant").fill("06 12 34 56 78");
    await secretary.getByRole("button", { name: "Ouvrir l'appel" }).click();
    await secretary.getByRole("region", { name: "Fiche cabinet" }).waitFor();
    await secretary.keyboard.press("Alt+KeyM");
    const dialog = secretary.getByRole("dialog", { name: "Message pour le médecin" });
    expect(await dialog.getByLabel("Catégorie").inputValue()).toBe("rappel");
    await dialog.getByLabel("Message").fill(REASON);
    await dialog.getByRole("button", { name: "Enregistrer le message" }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await expect.poll(() => countOn(secretary), { timeout: 5_000 }).toBe(before + 1);
    await expect.poll(() => countOn(supervisor), { timeout: 15_000 }).toBe(before + 1);
    await expect.poll(async () => (await world().server.db.select().from(callbacks).where(eq(callbacks.reason, REASON))).map((row) => [row.kind, row.status]), { timeout: 15_000 }).toEqual([["message", "a_faire"]]);

    // The secretary closes her call; her queue stays open to watch the callback.
    await secretary.keyboard.press("Alt+KeyC");
    const close = secretary.getByRole("dialog", { name: "Clôturer l'appel" });
    await close.getByRole("radio", { name: "Message pris pour le médecin" }).check();
    await close.getByRole("button", { name: "Enregistrer l'issue" }).click();
    await expect.poll(() => close.count()).toBe(0);
  });

  it("the supervisor takes it; the secretary's queue says who has it", async () => {
    await secretary.keyboard.press("Alt+KeyT");
    await expect.poll(() => itemOn(secretary).count(), { timeout: 10_000 }).toBe(1);

    await supervisor.keyboard.press("Alt+KeyT");
    await expect.poll(() => itemOn(supervisor).count(), { timeout: 10_000 }).toBe(1);
    await itemOn(supervisor).getByRole("button", { name: /^Prendre le rappel de / }).click();
    await expect.poll(() => itemOn(supervisor).textContent()).toContain("Pris par vous");

    await expect.poll(() => itemOn(secretary).textContent(), { timeout: 10_000 }).toContain("Pris par Nathalie Girard");
    expect(await itemOn(secretary).getByRole("button", { name: /^Rappeler / }).count()).toBe(0);
  });

  it("the supervisor calls back from the queue, reaches the patient and closes the call: both counts drop", async () => {
    await itemOn(supervisor).getByRole("button", { name: /^Rappeler / }).click();
    await supervisor.getByRole("region", { name: "Fiche cabinet" }).waitFor();
    const context = supervisor.getByRole("region", { name: /^Rappel de / });
    await expect.poll(() => context.textContent()).toContain(REASON);
    expect(await context.getByRole("link", { name: "06 12 34 56 78" }).getAttribute("href")).toBe("tel:+33612345678");

    await context.getByLabel("Note sur ce rappel").fill("Résultats transmis");
    await context.getByRole("button", { name: "Joint" }).click();
    await expect.poll(() => context.count()).toBe(0);
    await supervisor.keyboard.press("Alt+KeyC");
    const close = supervisor.getByRole("dialog", { name: "Clôturer l'appel" });
    await close.getByRole("radio", { name: "Renseignement donné" }).check();
    await close.getByRole("button", { name: "Enregistrer l'issue" }).click();
    await expect.poll(() => close.count()).toBe(0);

    await expect.poll(() => countOn(supervisor), { timeout: 10_000 }).toBe(before);
    await expect.poll(() => countOn(secretary), { timeout: 15_000 }).toBe(before);
    await expect.poll(() => itemOn(secretary).count(), { timeout: 10_000 }).toBe(0);
    const [row] = await world().server.db.select().from(callbacks).where(eq(callbacks.reason, REASON));
    expect(row).toMatchObject({ status: "fait", notes: "Résultats transmis" });
    expect(row!.attempts.map((attempt) => attempt.result)).toEqual(["joint"]);
    // Her call is on record as one she made, with its outcome.
    await expect
      .poll(async () => (await world().server.db.select({ direction: calls.direction, outcome: calls.outcome }).from(calls).where(eq(calls.userId, row!.ownerId!))).map((call) => [call.direction, call.outcome]), { timeout: 15_000 })
      .toEqual([["sortant", "info"]]);
  });
});
