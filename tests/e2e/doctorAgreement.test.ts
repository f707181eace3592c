import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, appointmentTypes, messages, patients, practitioners } from "../../db/central/schema";
import { DEMO_PRACTICE } from "../../db/seed/demo";
import { logInThroughUi } from "../support/browserSession";
import { useE2eWorld } from "../support/e2eWorld";

/**
 * Point 8 of issue 13 on the demo data, two workstations and a real server: a practitioner asks before
 * seeing a new patient. The secretary asks in one action; the request reaches the supervisor's
 * workstation, who notes the doctor's answer; the secretary's booking then cites it and the server,
 * which judges the citation again, takes it.
 */
const world = useE2eWorld("accord-du-medecin", ["secretaire", "superviseur"]);
const CALLER = { number: "06 11 22 33 44", e164: "+33611223344", name: "NOUVELLE Inès" };
let secretary: Page;
let supervisor: Page;
let practitionerId: string;
let firstVisitId: string;
let patientId: string;

beforeAll(async () => {
  const { server, browser } = world();
  // The demo's first practitioner asks before seeing new patients; a caller the practice has never seen.
  const [practitioner] = await server.db
    .select({ id: practitioners.id })
    .from(practitioners)
    .where(eq(practitioners.practiceId, DEMO_PRACTICE.id))
    .orderBy(asc(practitioners.lastName), asc(practitioners.firstName))
    .limit(1);
  practitionerId = practitioner!.id;
  await server.db.update(practitioners).set({ acceptsNewPatients: "demander_au_medecin" }).where(eq(practitioners.id, practitionerId));
  const [firstVisit] = await server.db
    .select({ id: appointmentTypes.id })
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.practitionerId, practitionerId), eq(appointmentTypes.allowedForNewPatients, true)))
    .limit(1);
  firstVisitId = firstVisit!.id;
  patientId = randomUUID();
  const now = new Date(world().clock.now());
  await server.db.insert(patients).values({ id: patientId, practiceId: DEMO_PRACTICE.id, birthName: "Nouvelle", firstName: "Inès", phones: [CALLER.e164], createdAt: now, updatedAt: now });

  // Signed in only now: their first pull brings the practitioner's policy and the patient.
  secretary = await logInThroughUi(browser, world().harnesses.secretaire!.url, "secretaire");
  supervisor = await logInThroughUi(browser, world().harnesses.superviseur!.url, "superviseur");
});

afterAll(async () => {
  await secretary?.close();
  await supervisor?.close();
});

async function openBooking(): Promise<ReturnType<Page["getByRole"]>> {
  await secretary.keyboard.press("Alt+KeyB");
  const dialog = secretary.getByRole("dialog", { name: "Prendre rendez-vous" });
  await dialog.getByLabel("Praticien").selectOption(practitionerId);
  await dialog.getByLabel("Motif").selectOption(firstVisitId);
  await expect.poll(() => dialog.getByRole("radio").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return dialog;
}

describe("the doctor's agreement for a new patient", () => {
  it("the secretary asks it in one action, from the booking dialog", async () => {
    await secretary.getByLabel("Numéro appelé").fill("01 44 55 66 77");
    await secretary.getByLabel("Numéro de l'appelant").fill(CALLER.number);
    await secretary.getByRole("button", { name: "Ouvrir l'appel" }).click();
    await secretary.getByRole("region", { name: "Fiche cabinet" }).waitFor();

    const dialog = await openBooking();
    await expect.poll(() => dialog.textContent()).toContain("le reçoit seulement avec son accord");
    await dialog.getByRole("button", { name: "Demander l'accord du médecin" }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await expect
      .poll(async () => (await world().server.db.select().from(messages).where(eq(messages.patientId, patientId))).map((row) => [row.category, row.request?.appointmentTypeId]), { timeout: 15_000 })
      .toEqual([["accord_nouveau_patient", firstVisitId]]);
  });

  it("the supervisor's workstation receives the request and notes the doctor's answer", async () => {
    await supervisor.getByLabel("Numéro appelé").fill("01 44 55 66 77");
    await supervisor.getByRole("button", { name: "Ouvrir l'appel" }).click();
    const item = supervisor.getByRole("region", { name: "Messages du cabinet" }).getByRole("article", { name: CALLER.name });
    await item.waitFor({ timeout: 15_000 });
    expect(await item.textContent()).toContain("En attente de la réponse du médecin");
    await item.getByRole("button", { name: `Noter la réponse du médecin pour ${CALLER.name}` }).click();
    await supervisor.keyboard.type("D'accord, première consultation");
    await item.getByRole("button", { name: `Accord du médecin pour ${CALLER.name}` }).click();

    await expect
      .poll(async () => (await world().server.db.select({ answer: messages.answer }).from(messages).where(eq(messages.patientId, patientId)))[0]?.answer?.agreed, { timeout: 15_000 })
      .toBe(true);
  });

  it("the secretary's booking then cites the answer, and the server takes it", async () => {
    const dialog = await openBooking();
    await expect.poll(() => dialog.textContent(), { timeout: 15_000 }).toContain("«\u00a0D'accord, première consultation\u00a0»)\u00a0: le rendez-vous le cite.");
    await dialog.getByRole("button", { name: "Réserver" }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    await expect
      .poll(async () => (await world().server.db.select({ status: appointments.status }).from(appointments).where(eq(appointments.patientId, patientId))).map((row) => row.status), {
        timeout: 15_000,
      })
      .toEqual(["booked"]);
    expect(await secretary.getByRole("region", { name: "Refusé par le serveur" }).count()).toBe(0);
  });
});
