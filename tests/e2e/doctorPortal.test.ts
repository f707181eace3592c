import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { appointments, appointmentTypes, messages, patients, practitioners } from "../../db/central/schema";
import { dayOfIsoDate, minutesOfTime, parisInstantOf } from "../../shared/domain/parisDays";
import { addDaysToDate, parisDayOf } from "../../shared/domain/parisTime";
import { DEMO_PRACTICE } from "../../db/seed/demo";
import { DEMO_PRACTITIONER_EMAIL, DEMO_TOTP_SECRET } from "../../server/demo/demoPractitionerAccount";
import { totpCodeAt } from "../../server/portal/secondFactor";
import { logInThroughUi } from "../support/browserSession";
import { useE2eWorld } from "../support/e2eWorld";
import { startSmtpReceiver } from "../support/smtpReceiver";

/**
 * Issue 16 on the demo data, a workstation and a real server: the secretary takes an urgent message for
 * Dr Camille Perrot, whose notice reaches a real SMTP relay; the doctor signs in on the portal from a phone-sized page (password, then the code of
 * the demo's TOTP secret), opens it and treats it with a reply; the secretary's workstation shows
 * « Lu par le Dr Camille Perrot » and the reply, brought by the server's poke.
 */
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>> | undefined;
// A real SMTP relay on the loopback receives the doctor's notices.
const world = useE2eWorld("portail", ["secretaire"], {
  notifications: async () => {
    smtp = await startSmtpReceiver();
    return { mail: { host: "127.0.0.1", port: smtp.port, tls: "aucun", from: "avis@agence.example", portalUrl: "https://telesec.agence.example/portail/" }, retryDelaySeconds: 1 };
  },
});
const PHONE = { viewport: { width: 390, height: 844 }, locale: "fr-FR", timezoneId: "Europe/Paris", isMobile: true, hasTouch: true } as const;
const TEXT = "Douleur thoracique depuis ce matin, souhaite un rappel rapide.";
let secretary: Page;
let doctor: Page;

beforeAll(async () => {
  secretary = await logInThroughUi(world().browser, world().harnesses.secretaire!.url, "secretaire");
  doctor = await world().browser.newPage(PHONE);
});

afterAll(async () => {
  await secretary?.close();
  await doctor?.close();
  await smtp?.close();
});

const messageOnWorkstation = () => secretary.getByRole("region", { name: "Messages du cabinet" }).getByRole("article", { name: "LEBRUN Paul" });

describe("the doctor's portal", () => {
  it("the secretary takes an urgent message for Dr Camille Perrot", async () => {
    await secretary.getByLabel("Numéro appelé").fill("01 44 55 66 77");
    await secretary.getByLabel("Numéro de l'appelant").fill("06 99 88 77 66");
    await secretary.getByRole("button", { name: "Ouvrir l'appel" }).click();
    await secretary.getByRole("region", { name: "Fiche cabinet" }).waitFor();
    await secretary.keyboard.press("Alt+KeyM");
    const dialog = secretary.getByRole("dialog", { name: "Message pour le médecin" });
    await dialog.getByLabel("Praticien").selectOption({ label: "Dr Camille Perrot" });
    await dialog.getByLabel("Nom de l'appelant").fill("LEBRUN Paul");
    await dialog.getByLabel("Urgence").selectOption({ label: "Urgente" });
    await dialog.getByLabel("Message", { exact: true }).fill(TEXT);
    await secretary.keyboard.press("Control+Enter");
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(async () => (await world().server.db.select({ id: messages.id }).from(messages).where(and(eq(messages.practiceId, DEMO_PRACTICE.id), eq(messages.text, TEXT)))).length, {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(() => messageOnWorkstation().textContent()).not.toContain("Lu par");
  });

  it("the doctor's e-mail notice arrives, with the portal's link and nothing of the patient", async () => {
    await expect.poll(() => smtp!.received.length, { timeout: 5_000 }).toBe(1);
    const [mail] = smtp!.received;
    expect(mail!.to).toEqual([DEMO_PRACTITIONER_EMAIL]);
    expect(mail!.raw).toContain("Subject: Message urgent pour Dr Camille Perrot");
    expect(mail!.raw).toContain("https://telesec.agence.example/portail/");
    for (const secret of ["LEBRUN", "Paul", "99 88 77 66", "99887766", "thoracique"]) expect(mail!.raw).not.toContain(secret);
  });

  it("the doctor signs in on a phone with the password and the authenticator's code, and opens it", async () => {
    await doctor.goto(new URL("/portail/", world().server.url).href);
    await doctor.getByLabel("Identifiant").fill("praticien");
    await doctor.getByLabel("Mot de passe").fill("demo");
    await doctor.getByRole("button", { name: "Continuer" }).click();
    const code = doctor.getByLabel("Code à 6 chiffres de l'application, ou code de secours");
    await code.fill(totpCodeAt(DEMO_TOTP_SECRET, new Date(world().clock.now())));
    await code.press("Enter");

    const toTreat = doctor.getByRole("region", { name: /^À traiter/ });
    const card = toTreat.getByRole("article", { name: "LEBRUN Paul" });
    await card.waitFor({ timeout: 10_000 });
    await expect.poll(() => card.textContent()).toContain("Urgent");
    await card.getByRole("button", { name: "Ouvrir le message de LEBRUN Paul" }).click();
    await expect.poll(() => card.textContent()).toContain(TEXT);
    // Readable on a phone: nothing wider than the screen.
    expect(await doctor.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
  });

  it("the secretary's workstation shows the read receipt, then the doctor's reply once treated", async () => {
    await expect.poll(() => messageOnWorkstation().textContent(), { timeout: 10_000 }).toMatch(/Lu par le Dr Camille Perrot le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}/);

    const card = doctor.getByRole("article", { name: "LEBRUN Paul" });
    await card.getByLabel("Réponse au secrétariat (facultative)").fill("Je le rappelle dans 10 minutes.");
    await card.getByRole("button", { name: "Marquer traité" }).click();
    await doctor.getByRole("region", { name: /^Traités/ }).getByRole("article", { name: "LEBRUN Paul" }).waitFor();

    await expect.poll(() => messageOnWorkstation().textContent(), { timeout: 10_000 }).toContain("Je le rappelle dans 10 minutes.");
    expect(await messageOnWorkstation().textContent()).toContain("Traité");
  });

  it("the doctor declares an absence on the phone; the secretary's workstation refuses a booking inside it, saying why", async () => {
    const { server, clock } = world();
    const day = addDaysToDate(parisDayOf(new Date(clock.now())).date, 3);
    await doctor.getByRole("button", { name: "Absences" }).click();
    const block = doctor.getByRole("region", { name: /^Absences de Dr Camille Perrot/ });
    await block.getByLabel("Premier jour").fill(day);
    await block.getByLabel("Dernier jour (inclus)").fill(day);
    await block.getByLabel("Motif").selectOption({ label: "Formation" });
    await block.getByLabel("Libellé pour le secrétariat (facultatif)").fill("Congrès de cardiologie");
    await block.getByRole("button", { name: "Déclarer l'absence" }).click();
    await doctor.getByRole("status").filter({ hasText: "Absence enregistrée" }).waitFor();

    const [perrot] = await server.db.select({ id: practitioners.id }).from(practitioners).where(and(eq(practitioners.practiceId, DEMO_PRACTICE.id), eq(practitioners.lastName, "Perrot")));
    const [motif] = await server.db.select({ id: appointmentTypes.id, minutes: appointmentTypes.durationMinutes }).from(appointmentTypes).where(eq(appointmentTypes.practitionerId, perrot!.id)).limit(1);
    const [patient] = await server.db.select({ id: patients.id }).from(patients).where(eq(patients.practiceId, DEMO_PRACTICE.id)).limit(1);
    const startAt = new Date(parisInstantOf(dayOfIsoDate(day), minutesOfTime("10:00"))).toISOString();
    const endAt = new Date(Date.parse(startAt) + motif!.minutes * 60_000).toISOString();
    // Through the page's own bridge to its core, as the booking dialog sends it: the free slots it offers never fall in the absence.
    const args = { id: randomUUID(), practitionerId: perrot!.id, patientId: patient!.id, appointmentTypeId: motif!.id, startAt, endAt };
    const attempt = `window.telesec.call("mutations.apply", { name: "appointment.book", args: ${JSON.stringify(args)} }).then(() => "réservé", (error) => error.message)`;
    await expect.poll(() => secretary.evaluate(attempt), { timeout: 10_000 }).toContain("Congrès de cardiologie");
  });

  it("the doctor's calendar address shows an appointment booked by the secretary as busy, with nothing of the patient", async () => {
    const { server, clock } = world();
    const [perrot] = await server.db.select({ id: practitioners.id }).from(practitioners).where(and(eq(practitioners.practiceId, DEMO_PRACTICE.id), eq(practitioners.lastName, "Perrot")));
    // A patient none of whose names the calendar may hold for another reason (the doctor's own name).
    const patient = (
      await server.db.select({ id: patients.id, birthName: patients.birthName, firstName: patients.firstName }).from(patients).where(eq(patients.practiceId, DEMO_PRACTICE.id)).limit(20)
    ).find((candidate) => ![candidate.birthName, candidate.firstName].some((name) => "dr camille perrot".includes(name.toLowerCase())));
    // Perrot's first free slot after the absence, booked from the secretary's workstation as the booking dialog does.
    const from = new Date(parisInstantOf(dayOfIsoDate(addDaysToDate(parisDayOf(new Date(clock.now())).date, 5)), 0)).toISOString();
    const search = JSON.stringify({ practiceId: DEMO_PRACTICE.id, practitionerIds: [perrot!.id], from, limit: 1 });
    const [slot] = (await secretary.evaluate(`window.telesec.call("agenda.freeSlots", ${search})`)) as Array<{ appointmentTypeId: string; startAt: string; endAt: string }>;
    const args = { id: randomUUID(), practitionerId: perrot!.id, patientId: patient!.id, appointmentTypeId: slot!.appointmentTypeId, startAt: slot!.startAt, endAt: slot!.endAt };
    expect(await secretary.evaluate(`window.telesec.call("mutations.apply", { name: "appointment.book", args: ${JSON.stringify(args)} }).then(() => "réservé", (error) => error.message)`)).toBe("réservé");
    await expect.poll(async () => (await server.db.select({ id: appointments.id }).from(appointments).where(eq(appointments.id, args.id))).length, { timeout: 10_000 }).toBe(1);

    await doctor.getByRole("button", { name: "Agenda" }).click();
    await doctor.getByRole("button", { name: "Créer une adresse pour Dr Camille Perrot" }).click();
    const address = await doctor.getByLabel(/^Nouvelle adresse pour Dr Camille Perrot/).inputValue();
    const response = await fetch(address);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const body = await response.text();
    const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
    const booked = events.find((event) => event.startDate.toJSDate().getTime() === Date.parse(slot!.startAt));
    expect(booked?.summary).toBe("Rendez-vous");
    expect(booked?.component.getFirstPropertyValue("transp")).toBe("OPAQUE");
    expect(booked?.endDate.toJSDate().getTime()).toBe(Date.parse(slot!.endAt));
    for (const secret of [patient!.birthName, patient!.firstName]) expect(body.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it("the doctor signs out: the portal asks for the password again", async () => {
    await doctor.getByRole("button", { name: "Se déconnecter" }).click();
    await doctor.getByLabel("Identifiant").waitFor();
    await doctor.reload();
    await doctor.getByLabel("Identifiant").waitFor();
  });
});
