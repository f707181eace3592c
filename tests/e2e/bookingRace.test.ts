import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments } from "../../db/central/schema";
import { DEMO_PATIENT, DEMO_PRACTICE } from "../../db/seed/demo";
import type { WebHarness } from "../../electron/core/harness/webHarness";
import type { MutationArgs } from "../../shared/sync/mutations";
import { logInThroughUi } from "../support/browserSession";
import type { CuttableLink } from "../support/cuttableLink";
import { harnessBehindLink, useE2eWorld } from "../support/e2eWorld";
import { eventually } from "../support/eventually";

/**
 * Scenario 3 of issue 13: two workstations book the same slot; the loser must never say "booked".
 * The race is made certain rather than left to 15 ms: the secretary's workstation reaches the server
 * through a relay the test holds cut while she books, the other workstation books the same slot and
 * the server confirms it, then the relay is restored and her booking arrives second.
 */
const world = useE2eWorld("course-au-creneau", ["autre"]);
const HELENE = `${DEMO_PATIENT.usedName.toLocaleUpperCase("fr-FR")} ${DEMO_PATIENT.firstName}`;
let link: CuttableLink;
let station: Awaited<ReturnType<typeof harnessBehindLink>>;
let harness: WebHarness;
let page: Page;
let lost: MutationArgs<"appointment.book">;

beforeAll(async () => {
  station = await harnessBehindLink(world(), "poste de la secrétaire");
  ({ link, harness } = station);
  await world().harnesses.autre!.workstation.handlers["session.login"]({ login: "superviseur", password: "demo" });
  page = await logInThroughUi(world().browser, harness.url, "secretaire");
});

afterAll(async () => {
  await page?.close();
  await station?.close();
});

const refusals = () => page.getByRole("region", { name: "Refusé par le serveur" });

describe("two workstations book the same slot", () => {
  it("the secretary books Hélène while her link is down: taken here, waiting for the server", async () => {
    await page.getByLabel("Numéro appelé").fill("01 44 55 66 77");
    await page.getByLabel("Numéro de l'appelant").fill("06 12 34 56 78");
    await page.getByRole("button", { name: "Ouvrir l'appel" }).click();
    await page.getByRole("region", { name: "Fiche cabinet" }).waitFor();
    link.cut();

    await page.keyboard.press("Alt+KeyB");
    const dialog = page.getByRole("dialog", { name: "Prendre rendez-vous" });
    await expect.poll(() => dialog.textContent()).toContain(`Patient\u00a0: ${HELENE}`);
    await expect.poll(() => dialog.getByRole("radio").count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await dialog.getByRole("button", { name: "Réserver" }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    const pending = await harness.workstation.handlers["sync.pending"]({});
    lost = pending.find((change) => change.name === "appointment.book")!.args as MutationArgs<"appointment.book">;
    expect(await page.getByRole("status").filter({ hasText: "en attente de confirmation du serveur" }).count()).toBe(1);
    expect(await page.getByText(/confirmé par le serveur/).count()).toBe(0);
  });

  it("the other workstation books the same slot first, and the server confirms it", async () => {
    const other = world().harnesses.autre!.workstation;
    await eventually(async () => (await other.handlers["sync.now"]({})).state === "online", 30_000);
    await other.handlers["mutations.apply"]({
      name: "appointment.book",
      args: { ...lost, id: randomUUID(), patientId: DEMO_PATIENT.id, notes: null },
    });
    await eventually(async () => (await other.handlers["sync.now"]({})).pendingCount === 0, 30_000);
    const booked = await world()
      .server.db.select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.practitionerId, lost.practitionerId), eq(appointments.startAt, new Date(lost.startAt)), eq(appointments.status, "booked")));
    expect(booked).toHaveLength(1);
  });

  it("her booking arrives second: the refusal is said at once, with whom to call back, and nothing claims it was booked", async () => {
    link.restore();

    const refusal = refusals().getByRole("alert");
    await expect.poll(() => refusal.count(), { timeout: 30_000 }).toBe(1);
    const text = await refusal.textContent();
    expect(text).toContain("Refus du serveur — Rendez-vous du");
    expect(text).toContain(`À rappeler\u00a0: ${HELENE} · 06 12 34 56 78 · avec\u00a0Dr`);
    expect(text).toContain(DEMO_PRACTICE.name);
    expect(await page.getByText(/confirmé par le serveur/).count()).toBe(0);

    await page.keyboard.press("Alt+KeyC");
    const close = page.getByRole("dialog", { name: "Clôturer l'appel" });
    await expect.poll(() => close.count()).toBe(1);
    expect(await close.getByRole("radio", { name: "Rendez-vous pris" }).isChecked()).toBe(false);
    await page.keyboard.press("Escape");
    await expect.poll(() => close.count()).toBe(0);
  });

  it("one button offers the next free slots for Hélène; the new booking is confirmed and becomes the call's outcome", async () => {
    await refusals().getByRole("button", { name: "Proposer d'autres créneaux" }).click();
    const dialog = page.getByRole("dialog", { name: "Prendre rendez-vous" });
    await expect.poll(() => dialog.textContent()).toContain(`Patient\u00a0: ${HELENE}`);
    expect(await dialog.getByLabel("Praticien").inputValue()).toBe(lost.practitionerId);
    await expect.poll(() => dialog.getByRole("radio").count(), { timeout: 10_000 }).toBeGreaterThan(1);
    expect(await dialog.getByRole("radio", { checked: true }).getAttribute("value")).not.toBe(lost.startAt);
    await dialog.getByRole("button", { name: "Réserver" }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await expect.poll(() => page.getByText(/confirmé par le serveur/).count(), { timeout: 30_000 }).toBe(1);
    const [mine] = (
      await world().server.db.execute<{ count: string }>(
        sql`SELECT count(*) FROM appointment WHERE patient_id = ${DEMO_PATIENT.id} AND practitioner_id = ${lost.practitionerId} AND status = 'booked' AND start_at > ${lost.startAt}`,
      )
    ).rows;
    expect(Number(mine!.count)).toBeGreaterThanOrEqual(1);
    await page.keyboard.press("Alt+KeyC");
    const close = page.getByRole("dialog", { name: "Clôturer l'appel" });
    await expect.poll(() => close.count()).toBe(1);
    expect(await close.getByRole("radio", { name: "Rendez-vous pris" }).isChecked()).toBe(true);
  });
});
