import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointmentTypes, patients, practitioners, smsMessages } from "../../db/central/schema";
import { DEMO_PRACTICE } from "../../db/seed/demo";
import { isMobileNumber } from "../../shared/domain/mobileNumber";
import { addDaysToDate, parisDayOf } from "../../shared/domain/parisTime";
import { dayOfIsoDate, parisInstantOf } from "../../shared/domain/parisDays";
import { nextSendingTime } from "../../shared/domain/smsSchedule";
import { logInThroughUi } from "../support/browserSession";
import { useE2eWorld } from "../support/e2eWorld";
import { brevoGateway } from "../../server/sms/brevoGateway";
import { startFakeBrevoApi } from "../support/fakeSmsApis";

/**
 * Issue 17 on the demo data, a workstation and a real server whose SMS go to a local Brevo in the test's
 * hands: a booking made from the workstation brings the patient's confirmation, and its delivery receipt
 * « remis » to the appointment; its cancellation the notice — at once inside the sending window, planned for
 * its opening outside it (the suite runs at several instants).
 */
const SECRET = "secret-des-passerelles-sms-e2e-0123456789";
const hooks: { webhook?: { url: string; token: string }; holdReceipts: boolean } = { holdReceipts: true };
let brevo: Awaited<ReturnType<typeof startFakeBrevoApi>> | undefined;
const world = useE2eWorld("sms", ["secretaire"], {
  sms: async () => {
    brevo = await startFakeBrevoApi("xkeysib-e2e", hooks);
    return { gateway: brevoGateway({ endpoint: brevo.endpoint, apiKey: "xkeysib-e2e", defaultSender: "TELESEC" }), retryDelaySeconds: 1 };
  },
  smsWebhookSecret: SECRET,
});
let secretary: Page;

beforeAll(async () => {
  hooks.webhook = { url: `${world().server.url}/api/v1/sms/brevo/events`, token: SECRET };
  secretary = await logInThroughUi(world().browser, world().harnesses.secretaire!.url, "secretaire");
});

afterAll(async () => {
  await secretary?.close();
  await brevo?.close();
});

const call = (method: string, input: unknown) => secretary.evaluate(`window.telesec.call(${JSON.stringify(method)}, ${JSON.stringify(input)})`);
const mutate = (name: string, args: unknown) =>
  secretary.evaluate(`window.telesec.call("mutations.apply", { name: ${JSON.stringify(name)}, args: ${JSON.stringify(args)} }).then(() => "fait", (error) => error.message)`);

describe("the patients' SMS", () => {
  it("confirm a booking made at the workstation and tell of its cancellation, in the window, without the motif", async () => {
    const { server, clock } = world();
    const [perrot] = await server.db.select({ id: practitioners.id }).from(practitioners).where(and(eq(practitioners.practiceId, DEMO_PRACTICE.id), eq(practitioners.lastName, "Perrot")));
    const candidates = await server.db.select({ id: patients.id, phones: patients.phones, opposed: patients.smsOpposition }).from(patients).where(eq(patients.practiceId, DEMO_PRACTICE.id)).limit(50);
    const patient = candidates.find((one) => !one.opposed && one.phones.some(isMobileNumber))!;
    const from = new Date(parisInstantOf(dayOfIsoDate(addDaysToDate(parisDayOf(new Date(clock.now())).date, 10)), 0)).toISOString();
    const [slot] = (await call("agenda.freeSlots", { practiceId: DEMO_PRACTICE.id, practitionerIds: [perrot!.id], from, limit: 1 })) as Array<{ appointmentTypeId: string; startAt: string; endAt: string }>;
    const [motif] = await server.db.select({ label: appointmentTypes.label }).from(appointmentTypes).where(eq(appointmentTypes.id, slot!.appointmentTypeId));
    const id = randomUUID();
    expect(await mutate("appointment.book", { id, practitionerId: perrot!.id, patientId: patient.id, appointmentTypeId: slot!.appointmentTypeId, startAt: slot!.startAt, endAt: slot!.endAt })).toBe("fait");

    const inWindow = () => {
      const now = clock.now();
      return nextSendingTime(now) === now;
    };
    const smsOf = async (kind: "confirmation" | "cancellation") => (await server.db.select().from(smsMessages).where(and(eq(smsMessages.appointmentId, id), eq(smsMessages.kind, kind))))[0];
    await expect.poll(async () => (await smsOf("confirmation"))?.status, { timeout: 15_000 }).toBe(inWindow() ? "envoye" : "prevu");
    if (inWindow()) {
      const reference = (await smsOf("confirmation"))!.id;
      const confirmation = brevo!.sent.find((sms) => sms.tag === reference);
      expect(confirmation?.content).toContain("RDV confirmé");
      expect(confirmation?.content).not.toContain(motif!.label);
      // The operator's receipt comes: the appointment, as the workstation reads it, says « remis ».
      const statusShown = async () => ((await call("sms.ofAppointment", { appointmentId: id })) as Array<{ kind: string; status: string }>).find((sms) => sms.kind === "confirmation")?.status;
      expect(await statusShown()).toBe("envoye");
      brevo!.releaseReceipts();
      await expect.poll(statusShown, { timeout: 10_000 }).toBe("remis");
    } else {
      expect((await smsOf("confirmation"))!.sendAt.getTime()).toBe(nextSendingTime(clock.now()));
    }

    expect(await mutate("appointment.cancel", { id, reason: "Empêchement du patient" })).toBe("fait");
    await expect.poll(async () => (await smsOf("cancellation"))?.status, { timeout: 15_000 }).toBe(inWindow() ? "envoye" : "prevu");
    if (inWindow()) {
      const reference = (await smsOf("cancellation"))!.id;
      expect(brevo!.sent.find((sms) => sms.tag === reference)?.content).toContain("est annulé");
    }

    // What the appointment's dialog shows, from the server: the reminder replaced by the cancellation.
    const shown = (await call("sms.ofAppointment", { appointmentId: id })) as Array<{ kind: string; status: string }>;
    expect(shown.find((sms) => sms.kind === "reminder")?.status).toBe("remplace");
  });
});
