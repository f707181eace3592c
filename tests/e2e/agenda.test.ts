import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { appointments, calls, patients, practitioners, waitlistEntries } from "../../db/central/schema";
import { DEMO_PATIENT, DEMO_PRACTICE } from "../../db/seed/demo";
import type { RunningServer } from "../../server/startServer";
import { E2E_OUTPUT_DIR } from "../support/browser";
import { logInThroughUi } from "../support/browserSession";
import { useE2eWorld } from "../support/e2eWorld";
import { Temporal } from "temporal-polyfill";
import { parisDayOf } from "../../shared/domain/parisTime";

/**
 * Issue "Agenda", end to end against a real server: the supervisor enlists a patient on the
 * waitlist of the Tilleuls' first practitioner; the secretary books Hélène Kerébel there, then
 * moves the appointment. The server offers the slot the move freed to the waiting patient, the
 * supervisor's workstation shows the proposal and books it. The secretary cancels Hélène's
 * appointment and closes her call with the appointment linked to it.
 */
const world = useE2eWorld("agenda", ["secretaire", "superviseur"]);
let server: RunningServer;
let secretary: Page;
let supervisor: Page;
let firstPractitionerId: string;
let waiting: { id: string; phone: string; shortName: string };
/** Hélène's appointments in the seed: the one this test books is the one not among them. */
let seededForHelene: Set<string>;

const HELENE = `${DEMO_PATIENT.usedName.toLocaleUpperCase("fr-FR")} ${DEMO_PATIENT.firstName}`;

const agendaOf = (page: Page) => page.getByRole("region", { name: "Agenda" });

async function openCallByHand(page: Page, callerNumber: string): Promise<void> {
  await page.getByLabel("Numéro appelé").fill("01 44 55 66 77");
  await page.getByLabel("Numéro de l'appelant").fill(callerNumber);
  await page.getByRole("button", { name: "Ouvrir l'appel" }).click();
  await expect.poll(() => agendaOf(page).getByRole("region", { name: /^Agenda de / }).count(), { timeout: 10_000 }).toBe(DEMO_PRACTICE.practitionerCount);
}

/** Hélène's appointment in the secretary's grid (the agenda goes to its day after each change). */
const heleneAppointment = (): Locator => agendaOf(secretary).locator(".appointment", { hasText: HELENE });

beforeAll(async () => {
  ({ server } = world());
  const [first] = await server.db
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(eq(practitioners.practiceId, DEMO_PRACTICE.id))
    .orderBy(asc(practitioners.lastName), asc(practitioners.firstName));
  firstPractitionerId = first!.id;
  // A patient the first practitioner already knows (no new-patient rule in the way), whose number is theirs alone.
  const known = await server.db
    .selectDistinct({ id: patients.id, phones: patients.phones, usedName: patients.usedName, birthName: patients.birthName, firstName: patients.firstName })
    .from(patients)
    .innerJoin(appointments, eq(appointments.patientId, patients.id))
    .where(and(eq(appointments.practitionerId, firstPractitionerId), sql`${patients.id} <> ${DEMO_PATIENT.id}`))
    .limit(50);
  const practicePhones = await server.db.select({ phones: patients.phones }).from(patients).where(eq(patients.practiceId, DEMO_PRACTICE.id));
  const uses = new Map<string, number>();
  for (const { phones } of practicePhones) for (const phone of phones) uses.set(phone, (uses.get(phone) ?? 0) + 1);
  const chosen = known.find((patient) => patient.phones.length > 0 && uses.get(patient.phones[0]!) === 1);
  expect(chosen, "un patient connu du premier praticien, seul sur son numéro").toBeDefined();
  waiting = { id: chosen!.id, phone: chosen!.phones[0]!, shortName: await shortNameOf(chosen!.id) };

  seededForHelene = new Set((await server.db.select({ id: appointments.id }).from(appointments).where(eq(appointments.patientId, DEMO_PATIENT.id))).map((row) => row.id));

  secretary = await logInThroughUi(world().browser, world().harnesses.secretaire!.url, "secretaire");
  supervisor = await logInThroughUi(world().browser, world().harnesses.superviseur!.url, "superviseur");
});

describe("booking, moving and cancelling in the browser; the freed slot offered to the waitlist", () => {
  let originalStart: Date;
  /** Where the move took Hélène's appointment: the next working day, when few slots were left today. */
  let movedStart: Date;
  /** Who took the freed slot from the waitlist. */
  let taker: string;

  it("enlists a waiting patient on the supervisor's workstation (Alt+A)", async () => {
    await openCallByHand(supervisor, waiting.phone);
    await expect.poll(() => supervisor.getByRole("region", { name: "Fiche cabinet" }).textContent()).toContain(waiting.shortName.split(" ").at(-1));
    await supervisor.keyboard.press("Alt+KeyA");
    const dialog = supervisor.getByRole("dialog", { name: "Inscrire sur la liste d'attente" });
    await dialog.getByRole("button", { name: "Inscrire" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    // The entries are folded under their count: the line is there, not shown.
    await expect.poll(() => agendaOf(supervisor).locator(".waitlist__entry", { hasText: waiting.shortName }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await server.db.select().from(waitlistEntries).where(eq(waitlistEntries.patientId, waiting.id))).length, { timeout: 15_000 }).toBe(1);
  });

  it("books Hélène on the first practitioner's next slot (Alt+B); the server confirms it", async () => {
    await openCallByHand(secretary, "06 12 34 56 78");
    await secretary.keyboard.press("Alt+KeyB");
    const dialog = secretary.getByRole("dialog", { name: "Prendre rendez-vous" });
    await expect.poll(() => dialog.textContent()).toContain(`Patient\u00a0: ${HELENE}`);
    expect(await dialog.getByLabel("Praticien").inputValue()).toBe(firstPractitionerId);
    await expect.poll(() => dialog.getByRole("radio").count(), { timeout: 10_000 }).toBeGreaterThan(1);
    expect(await dialog.getByRole("radio").first().isChecked()).toBe(true);
    await dialog.getByRole("button", { name: "Réserver" }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await expect.poll(() => heleneAppointment().count()).toBe(1);
    // Dashed and said "en attente d'envoi" until the server confirms it, then plain.
    await expect.poll(() => heleneAppointment().textContent(), { timeout: 20_000 }).not.toContain("en attente d'envoi");
    mkdirSync(E2E_OUTPUT_DIR, { recursive: true });
    await secretary.screenshot({ path: join(E2E_OUTPUT_DIR, "agenda-booked.png") });
    const booked = await bookedForHelene();
    expect(booked).toMatchObject({ practitionerId: firstPractitionerId, status: "booked" });
    originalStart = booked.startAt;
  });

  it("moves the appointment to another free slot; the slot it freed is offered to the waiting patient, who takes it", async () => {
    await heleneAppointment().click();
    const dialog = secretary.getByRole("dialog", { name: "Rendez-vous" });
    await dialog.getByRole("button", { name: "Déplacer" }).click();
    await expect.poll(() => dialog.getByRole("radio").count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await dialog.getByRole("radio").nth(1).check();
    await dialog.getByRole("button", { name: "Déplacer ici" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(async () => (await bookedForHelene()).startAt.getTime(), { timeout: 20_000 }).not.toBe(originalStart.getTime());
    movedStart = (await bookedForHelene()).startAt;

    // The server offers the freed slot to the first patient waiting for it (ours, or an older entry
    // of the seed that fits it as well); every workstation shows the proposal.
    let offeredTo: { id: string; patientId: string } | undefined;
    await expect.poll(
      async () => {
        const entries = await server.db.select().from(waitlistEntries).where(and(eq(waitlistEntries.practiceId, DEMO_PRACTICE.id), isNull(waitlistEntries.deletedAt)));
        offeredTo = entries.find((entry) => entry.offeredSlot !== null && Date.parse(entry.offeredSlot.startAt) === originalStart.getTime());
        return offeredTo !== undefined;
      },
      { timeout: 30_000 },
    ).toBe(true);
    taker = await shortNameOf(offeredTo!.patientId);
    const offer = agendaOf(supervisor).getByRole("list", { name: "Créneaux libérés à proposer" }).getByRole("listitem").filter({ hasText: `proposer à ${taker}` });
    await expect.poll(() => offer.count(), { timeout: 30_000 }).toBe(1);
    mkdirSync(E2E_OUTPUT_DIR, { recursive: true });
    await supervisor.screenshot({ path: join(E2E_OUTPUT_DIR, "agenda-waitlist-offer.png") });
    await offer.getByRole("button", { name: "Réserver ce créneau" }).click();

    await expect.poll(
      async () =>
        (await server.db.select().from(appointments).where(and(eq(appointments.patientId, offeredTo!.patientId), eq(appointments.startAt, originalStart), eq(appointments.status, "booked")))).length,
      { timeout: 20_000 },
    ).toBe(1);
    await expect.poll(async () => (await server.db.select().from(waitlistEntries).where(and(eq(waitlistEntries.id, offeredTo!.id), isNull(waitlistEntries.deletedAt)))).length, { timeout: 20_000 }).toBe(0);
  });

  it("cancels Hélène's appointment with a reason; the secretary's agenda shows the waiting patient's new one", async () => {
    await expect.poll(() => heleneAppointment().textContent(), { timeout: 20_000 }).not.toContain("en attente d'envoi");
    await heleneAppointment().click();
    const dialog = secretary.getByRole("dialog", { name: "Rendez-vous" });
    await dialog.getByRole("button", { name: "Annuler le rendez-vous" }).click();
    await dialog.getByLabel("Motif de l'annulation").fill("Empêchement professionnel");
    await dialog.getByRole("button", { name: "Confirmer l'annulation" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => heleneAppointment().count()).toBe(0);
    await expect.poll(async () => (await bookedForHelene("cancelled")).cancelReason, { timeout: 20_000 }).toBe("Empêchement professionnel");
    // The grid still shows the day of the cancelled appointment, which the move may have taken to
    // another day than the freed slot's (late on a Friday: the next Monday). The secretary goes to
    // the freed slot's day, key by key, and finds there, brought by sync, the supervisor's booking.
    const days = Temporal.PlainDate.from(parisDayOf(movedStart).date).until(parisDayOf(originalStart).date).days;
    for (let step = 0; step < Math.abs(days); step++) {
      await agendaOf(secretary).getByRole("button", { name: days < 0 ? "Jour précédent" : "Jour suivant" }).click();
    }
    await expect.poll(() => agendaOf(secretary).locator(".appointment", { hasText: taker }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it("closes the secretary's call with 'rendez-vous annulé' proposed and the appointment linked", async () => {
    const cancelled = await bookedForHelene("cancelled");
    await secretary.keyboard.press("Alt+KeyC");
    const dialog = secretary.getByRole("dialog", { name: "Clôturer l'appel" });
    expect(await dialog.getByRole("radio", { name: "Rendez-vous annulé" }).isChecked()).toBe(true);
    await dialog.getByRole("button", { name: "Enregistrer l'issue" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(
      async () => {
        const rows = await server.db.select({ outcome: calls.outcome, links: calls.links }).from(calls).where(eq(calls.patientId, DEMO_PATIENT.id));
        return rows.filter((row) => row.links.appointmentIds.length > 0).map((row) => [row.outcome, row.links.appointmentIds]);
      },
      { timeout: 20_000 },
    ).toEqual([["rdv_annule", [cancelled.id]]]);
  });
});

async function shortNameOf(patientId: string): Promise<string> {
  const [patient] = await server.db.select().from(patients).where(eq(patients.id, patientId));
  return `${(patient!.usedName ?? patient!.birthName).toLocaleUpperCase("fr-FR")} ${patient!.firstName}`;
}

/** The appointment this test booked for Hélène, as the server has it. */
async function bookedForHelene(status: "booked" | "cancelled" = "booked") {
  const rows = await server.db.select().from(appointments).where(and(eq(appointments.patientId, DEMO_PATIENT.id), eq(appointments.status, status)));
  const ours = rows.filter((row) => !seededForHelene.has(row.id));
  expect(ours).toHaveLength(1);
  return ours[0]!;
}
