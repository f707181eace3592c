import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PATIENT, DEMO_PRACTICE } from "../../db/seed/demo";
import { seedLocal } from "../../db/seed/seedLocal";
import { startWebHarness, type WebHarness } from "../../electron/core/harness/webHarness";
import { STORE_FILE } from "../../electron/core/workstation";
import { E2E_OUTPUT_DIR, launchChromium } from "../support/browser";
import { keepConsoles } from "../support/e2eWorld";
import { e2eClock } from "../support/e2eInstant";
import { dateOf } from "../../shared/time/clock";
import { addDaysToDate, parisDayOf, parisDayOfDate } from "../../shared/domain/parisTime";
import { linesQuotingStorePatients } from "../support/patientDataInLogs";

/**
 * The renderer, in Chromium, against a real core on a real encrypted store seeded with the demo
 * agency: the browser harness is how the UI is tested on machines where Electron cannot start.
 * The core's and the page's logs may not quote a seeded patient, like every end-to-end file's.
 */
const logs: string[] = [];
let dataDir: string;
let harness: WebHarness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "telesec-e2e-"));
  const clock = e2eClock();
  await seedLocal({ dataDir, size: "small", referenceDate: parisDayOf(dateOf(clock)).date });
  harness = await startWebHarness({ port: 0, dataDir, clock, log: (line) => logs.push(`poste : ${line}`) });
  browser = await launchChromium();
  keepConsoles(browser, (line) => logs.push(`console : ${line}`));
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "fr-FR", timezoneId: "Europe/Paris" });
  await page.goto(harness.url);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  try {
    if (dataDir) expect(await linesQuotingStorePatients(dataDir, STORE_FILE, logs), "données de patients dans les journaux").toEqual([]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Paris days from the core's today to the first one with booked appointments at the demo practice. */
async function daysToFirstBusyDay(): Promise<number> {
  const { handlers } = harness.workstation;
  const practice = await handlers["practices.byDialledNumber"]({ number: DEMO_PRACTICE.dialledNumber });
  const practitionerIds = practice!.practitioners.map((practitioner) => practitioner.id);
  const today = parisDayOf(new Date((await handlers["clock.now"]({})).now)).date;
  for (let days = 0; days < 7; days++) {
    const { from, to } = parisDayOfDate(addDaysToDate(today, days));
    if ((await handlers["agenda.range"]({ practitionerIds, from, to })).some((appointment) => appointment.status === "booked")) return days;
  }
  throw new Error("aucun rendez-vous dans la semaine du jeu de démonstration");
}

describe("call screen in the browser harness", () => {
  it("pops the practice card, the directives and the agenda of the dialled number", async () => {
    await page.getByLabel("Numéro appelé").fill("01 44 55 66 77");
    await page.getByLabel("Numéro de l'appelant").fill("06 12 34 56 78");
    await page.getByRole("button", { name: "Ouvrir l'appel" }).click();

    const card = page.getByRole("region", { name: "Fiche cabinet" });
    await expect.poll(() => card.textContent()).toContain(DEMO_PRACTICE.name);
    const cardText = (await card.textContent()) ?? "";
    expect(cardText).toContain(DEMO_PATIENT.firstName);
    expect(cardText).not.toContain("Appelant inconnu");

    const directives = page.getByRole("region", { name: "Consignes" });
    await expect.poll(() => directives.textContent()).toMatch(/15/);

    const agenda = page.getByRole("region", { name: "Agenda" });
    // FullCalendar draws the day as a table named by its date, and each appointment inside it. Today may
    // have none (a Sunday night): the secretary goes forward to the first day that has some, as the core says.
    await expect.poll(() => agenda.getByRole("table").count()).toBeGreaterThan(0);
    const days = await daysToFirstBusyDay();
    for (let step = 0; step < days; step++) await agenda.getByRole("button", { name: "Jour suivant" }).click();
    await expect.poll(() => agenda.locator(".appointment").count()).toBeGreaterThan(0);
    // The "cabinet" view: one column per practitioner.
    await expect.poll(() => agenda.getByRole("region", { name: /^Agenda de / }).count()).toBe(DEMO_PRACTICE.practitionerCount);

    mkdirSync(E2E_OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(E2E_OUTPUT_DIR, "call-screen.png"), fullPage: true });
  });

  it("at 1366×768, keeps every button within its pane, gives the agenda grid the height, and scrolls the practitioners' columns as one", async () => {
    // Every visible button ends inside the pane that holds it (nothing cut at its edge, like « Marquer comme traité » was).
    // (No DOM types in this project: the elements are described by what is used of them.)
    type Box = { left: number; right: number };
    type Element = { offsetParent: unknown; textContent: string | null; getBoundingClientRect(): Box; closest(selector: string): Element | null };
    const clipped = await page.locator(".pane button").evaluateAll((buttons) =>
      (buttons as unknown as Element[])
        // A row that scrolls sideways (the free slots) brings its buttons into view: those are not cut.
        .filter((button) => button.offsetParent !== null && button.closest(".free-slots__list") === null)
        .flatMap((button) => {
          const pane = button.closest(".pane")!.getBoundingClientRect();
          const box = button.getBoundingClientRect();
          return box.right > pane.right + 1 || box.left < pane.left - 1 ? [button.textContent ?? ""] : [];
        }),
    );
    expect(clipped).toEqual([]);

    const agenda = page.getByRole("region", { name: "Agenda", exact: true });
    const pane = (await agenda.boundingBox())!;
    const grid = (await agenda.locator(".agenda-calendar").boundingBox())!;
    // The grid, not the lists above it, has most of the pane.
    expect(grid.height).toBeGreaterThan(pane.height * 0.55);

    // Each column's hours scroller, found as the renderer finds it (FullCalendar 7 hashes its class names).
    type Node = { scrollTop: number; scrollHeight: number; clientHeight: number; querySelectorAll(selector: string): Node[] };
    const scrollTops = (set?: number) =>
      agenda.locator(".agenda-columns__column").evaluateAll((columns, value) => {
        const style = (globalThis as unknown as { getComputedStyle(node: Node): { overflowY: string } }).getComputedStyle;
        const scrollerOf = (column: Node) =>
          [...column.querySelectorAll("*")].find((node) => ["auto", "scroll"].includes(style(node).overflowY) && node.scrollHeight > node.clientHeight);
        const scrollers = (columns as unknown as Node[]).map(scrollerOf);
        if (value !== undefined && scrollers[0]) scrollers[0].scrollTop = value;
        return scrollers.map((scroller) => scroller?.scrollTop ?? null);
      }, set);
    expect(await scrollTops()).toHaveLength(DEMO_PRACTICE.practitionerCount);
    await scrollTops(120);
    await expect.poll(() => scrollTops()).toEqual(Array(DEMO_PRACTICE.practitionerCount).fill(120));
  });

  it("finds 'helene' as Hélène in the practice's patients", async () => {
    await page.getByLabel("Rechercher un patient").fill("helene le g");
    const results = page.getByRole("list", { name: "Patients trouvés" });
    await expect.poll(() => results.textContent(), { timeout: 5000 }).toContain(DEMO_PATIENT.firstName);
  });

  it("records the call's outcome (Alt+C) before the next call can open", async () => {
    const banner = page.getByRole("region", { name: "Appel en cours" });
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.textContent()).toContain("06 12 34 56 78");

    await page.keyboard.press("Alt+KeyC");
    const dialog = page.getByRole("dialog", { name: "Clôturer l'appel" });
    await dialog.getByRole("radio", { name: "Renseignement donné" }).check();
    await dialog.getByRole("button", { name: "Enregistrer l'issue" }).click();

    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => banner.count()).toBe(0);
  });

  it("says so when no practice answers the dialled number", async () => {
    await page.getByLabel("Numéro appelé").fill("01 99 99 99 98");
    await page.getByLabel("Numéro de l'appelant").fill("");
    await page.getByRole("button", { name: "Ouvrir l'appel" }).click();
    await expect.poll(() => page.getByText(/Aucun cabinet pour le numéro/).count()).toBeGreaterThan(0);
  });
});
