import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extractText } from "unpdf";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { E2E_OUTPUT_DIR } from "../support/browser";
import { logInThroughUi } from "../support/browserSession";
import { ringDemoAgent, useE2eWorld } from "../support/e2eWorld";
import { addDaysToDate, parisDayOf } from "../../shared/domain/parisTime";
import { periodHolding } from "../../shared/domain/reportPeriods";
import { DEMO_PRACTICE } from "../../db/seed/demo";
import { dateOf } from "../../shared/time/clock";

/**
 * Issue "Security", end to end: the demo agency's administrator, in Chromium, finds the secretary's
 * workstation in "Administration › Postes" and revokes it; the secretary's workstation, in another
 * browser-harness core, is cut off (its socket closed by the server) and shows the revoked screen; a call
 * for her then reaches nobody. The administrator also reads the
 * call statistics; the secretary never sees either screen.
 */
const world = useE2eWorld("administration", ["admin", "secretaire", "superviseur"]);
let admin: Page;
let secretary: Page;

beforeAll(async () => {
  admin = await logInThroughUi(world().browser, world().harnesses.admin!.url, "admin");
  secretary = await logInThroughUi(world().browser, world().harnesses.secretaire!.url, "secretaire");
});

describe("administration in the browser", () => {
  it("shows the agency screens to the administrator only", async () => {
    const nav = admin.getByRole("navigation", { name: "Écrans" });
    expect(await nav.getByRole("button").allTextContents()).toEqual(["Appels", "Administration", "Rapports", "Statistiques"]);
    expect(await secretary.getByRole("navigation", { name: "Écrans" }).count()).toBe(0);
  });

  it("gives the call statistics of the agency's practices", async () => {
    await admin.getByRole("navigation", { name: "Écrans" }).getByRole("button", { name: "Statistiques" }).click();
    // The screen's "to" day is its today in Paris, fixed when it was drawn: read from the field, since
    // midnight may have passed since (the suite runs at 23:58 on 31 December too).
    const today = parisDayOf(dateOf(world().clock)).date;
    const from = addDaysToDate(today, -300);
    await admin.getByLabel("Du").fill(from);
    const to = await admin.getByLabel("Au").inputValue();
    expect([addDaysToDate(today, -1), today]).toContain(to);
    await admin.getByRole("button", { name: "Afficher" }).click();
    const frenchDay = (day: string) => day.split("-").reverse().join("/");
    const table = admin.getByRole("table", { name: `Appels du ${frenchDay(from)} au ${frenchDay(to)}` });
    await expect.poll(() => table.getByRole("rowheader").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it("gives a supervisor a practice's report of the month: its figures, the chart and the chart's table one key away", async () => {
    const supervisor = await logInThroughUi(world().browser, world().harnesses.superviseur!.url, "superviseur");
    await supervisor.getByRole("navigation", { name: "Écrans" }).getByRole("button", { name: "Rapports" }).click();
    const form = supervisor.getByRole("form", { name: "Rapport à afficher" });
    await form.getByLabel("Cabinet").selectOption({ label: DEMO_PRACTICE.name });
    await form.getByLabel("Période").selectOption("mois");
    // The month of the day in the field (midnight may pass while the suite runs).
    const month = periodHolding("mois", await form.getByLabel("Un jour du mois").inputValue());
    await form.getByRole("button", { name: "Afficher" }).click();
    const frenchDay = (day: string) => day.split("-").reverse().join("/");
    await supervisor.getByRole("heading", { name: `${DEMO_PRACTICE.name} — du ${frenchDay(month.from)} au ${frenchDay(month.to)}` }).waitFor({ timeout: 10_000 });

    const chart = supervisor.getByRole("figure", { name: "Appels reçus par jour" });
    expect(await chart.locator("svg.recharts-surface").count()).toBeGreaterThan(0);
    // Drawn with its keyboard layer: the chart itself takes the focus, its bars are walked with the arrows.
    expect(await chart.locator("[tabindex='0']").count()).toBeGreaterThan(0);
    await chart.getByRole("button", { name: "Voir le tableau (T)" }).focus();
    await supervisor.keyboard.press("t");
    const table = chart.getByRole("table", { name: "Appels reçus par jour" });
    await expect.poll(() => supervisor.evaluate("document.activeElement && document.activeElement.contains(document.querySelector('.report-chart__table table'))"), { timeout: 5_000 }).toBe(true);
    const days = Number(month.to.slice(8));
    expect(await table.getByRole("row").count()).toBe(days + 1);
    // The chart's table and the key figure agree.
    const received = (await table.locator("tbody tr td:nth-child(2)").allTextContents()).reduce((sum, text) => sum + Number(text.replace(/\s/g, "")), 0);
    const tile = supervisor.getByRole("list", { name: "Chiffres clés" }).getByRole("listitem").filter({ hasText: /^Appels reçus/ });
    expect(await tile.locator("strong").textContent()).toBe(String(received));
    // Whole on a 1366×768 screen: the form and the figures within the window.
    for (const part of [form, supervisor.getByRole("list", { name: "Chiffres clés" })]) {
      const box = (await part.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(supervisor.viewportSize()!.width);
    }
    mkdirSync(E2E_OUTPUT_DIR, { recursive: true });
    await supervisor.screenshot({ path: join(E2E_OUTPUT_DIR, "reports-month.png"), fullPage: true });
    await supervisor.close();
  });

  it("lets the administrator bill a practice's month: the contract, the statement issued once, its CSV and PDF downloaded", async () => {
    await admin.getByRole("navigation", { name: "Écrans" }).getByRole("button", { name: "Administration" }).click();
    await admin.getByRole("tab", { name: "Facturation" }).click();
    const billing = admin.getByRole("tabpanel", { name: "Facturation" });

    await billing.getByText("Émetteur des relevés").click();
    const issuer = billing.getByRole("form", { name: "Émetteur des relevés" });
    await issuer.getByLabel("Raison sociale").fill("Télésec Île-de-France SAS");
    await issuer.getByLabel("Adresse").fill("12 rue de la République, 91000 Évry");
    await issuer.getByLabel("SIREN").fill("123456789");
    await issuer.getByRole("button", { name: "Enregistrer l'émetteur" }).click();
    await issuer.getByRole("status").filter({ hasText: "Émetteur enregistré." }).waitFor({ timeout: 10_000 });

    // The month billed is the one before today (read from the field: midnight may pass during the suite).
    const month = await billing.getByLabel("Mois", { exact: true }).inputValue();
    await billing.getByText("Contrat d'un cabinet").click();
    const contract = billing.getByRole("form", { name: "Contrat d'un cabinet" });
    await contract.getByLabel("Cabinet").selectOption({ label: DEMO_PRACTICE.name });
    await contract.getByLabel("À compter du mois de").fill(month);
    await contract.getByLabel("Prix par appel facturé (€ HT)").fill("0,95");
    await contract.getByRole("button", { name: "Enregistrer le contrat" }).click();
    await contract.getByRole("status").filter({ hasText: `Contrat de ${DEMO_PRACTICE.name} enregistré` }).waitFor({ timeout: 10_000 });

    const row = billing.getByRole("table", { name: /^Relevés de / }).getByRole("row").filter({ has: admin.getByRole("rowheader", { name: DEMO_PRACTICE.name }) });
    await row.getByRole("button", { name: `Émettre : relevé de ${DEMO_PRACTICE.name}` }).click();
    await row.getByRole("button", { name: `Confirmer l'émission (définitive) : relevé de ${DEMO_PRACTICE.name}` }).click();
    // Numbered in the year of its issue, the first of the agency's.
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/Émis, n° \d{4}-00001/);

    // Whole on a 1366×768 screen.
    const table = (await billing.getByRole("table", { name: /^Relevés de / }).boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(admin.viewportSize()!.width);
    mkdirSync(E2E_OUTPUT_DIR, { recursive: true });
    await admin.screenshot({ path: join(E2E_OUTPUT_DIR, "billing-month.png") });

    const [csv] = await Promise.all([admin.waitForEvent("download"), row.getByRole("button", { name: `Télécharger le CSV du relevé de ${DEMO_PRACTICE.name}` }).click()]);
    expect(csv.suggestedFilename()).toMatch(new RegExp(`^releve-\\d{4}-00001-${month}\\.csv$`));
    const csvBytes = await readFile((await csv.path())!);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvBytes.toString("utf8")).toContain(`;${DEMO_PRACTICE.name};Appels facturables;`);

    const [pdf] = await Promise.all([admin.waitForEvent("download"), row.getByRole("button", { name: `Télécharger le PDF du relevé de ${DEMO_PRACTICE.name}` }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const { text } = await extractText(new Uint8Array(await readFile((await pdf.path())!)), { mergePages: true });
    expect(text).toContain("Relevé de prestations n°");
    expect(text).toContain("Télésec Île-de-France SAS");
  });

  it("makes a practitioner's calendar address, which a calendar app reads without a patient's name", async () => {
    await admin.getByRole("navigation", { name: "Écrans" }).getByRole("button", { name: "Administration" }).click();
    await admin.getByRole("tab", { name: "Cabinets" }).click();
    const feeds = admin.locator("details").filter({ hasText: /^Agenda de .+ dans son application de calendrier/ }).first();
    await feeds.locator("summary").click();
    await feeds.getByRole("button", { name: /^Créer une adresse d'agenda pour / }).click();
    const address = feeds.getByLabel("Adresse à transmettre au praticien (elle ne sera plus affichée)");
    await expect.poll(() => address.inputValue(), { timeout: 10_000 }).toMatch(/\/ics\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await admin.evaluate("document.activeElement && document.activeElement.id")).toBe(await address.getAttribute("id"));
    // Whole on a 1366×768 screen: nothing of it past the window's edge.
    const box = (await address.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(admin.viewportSize()!.width);

    const calendar = await fetch(await address.inputValue());
    expect(calendar.status).toBe(200);
    const text = await calendar.text();
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).not.toMatch(/Hélène|Durand|DURAND/);
  });

  it("revokes the secretary's workstation, which is cut off at once", async () => {
    await admin.getByRole("navigation", { name: "Écrans" }).getByRole("button", { name: "Administration" }).click();
    await admin.getByRole("tab", { name: "Postes" }).click();
    const row = admin.getByRole("table", { name: "Postes de l'agence" }).getByRole("row").filter({ hasText: "(secretaire)" });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await row.getByRole("button", { name: /^Révoquer / }).click();
    await row.getByRole("button", { name: /^Confirmer la révocation/ }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("Révoqué le");
    mkdirSync(E2E_OUTPUT_DIR, { recursive: true });
    await admin.screenshot({ path: join(E2E_OUTPUT_DIR, "administration-devices.png") });

    // The secretary's next exchange with the server gets 401 device_revoked: her copy is wiped.
    // Within seconds: the server pokes her workstation, whose periodic sync is much further apart.
    await expect.poll(() => secretary.getByRole("heading", { name: "Ce poste a été révoqué par l'administrateur" }).count(), { timeout: 5_000 }).toBe(1);

    // Its socket went with the revocation: a call for the secretary reaches no workstation, and no caller's number leaves the server.
    const ringing = await ringDemoAgent(world(), "secretaire", "apres-la-revocation");
    expect([ringing.status, ringing.body.delivered]).toEqual([202, 0]);
    expect(await secretary.getByRole("region", { name: "Appel en cours" }).count()).toBe(0);

    await admin.getByRole("tab", { name: "Journal d'audit" }).click();
    await admin.getByLabel("Action").fill("admin.device.revoke");
    await admin.getByRole("button", { name: "Rechercher" }).click();
    await expect.poll(() => admin.getByRole("table", { name: "Évènements du journal" }).getByRole("row").count(), { timeout: 10_000 }).toBe(2);
  });
});
