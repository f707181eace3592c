import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApps, type TestApp } from "./appOnFreshDatabase";
import { answerAgreement, askAgreement, at, book, french, ids, outcome, signedIn as signedInTo } from "./bookingAgency";

/**
 * The booking rules at push, on a real PostgreSQL: the pushes below are what a client that skipped
 * its own checks (an old version, a bug, a forged request) would send. Each rule refuses with its
 * code and its French message, writes nothing, and the valid bookings around them go through.
 * The agenda: tests/server/bookingAgency.ts.
 */
const testApp = useTestApps();
const signedIn = () => signedInTo(testApp);

async function bookedCount(testing: TestApp): Promise<number> {
  const { rows } = await testing.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM appointment WHERE status = 'booked'`);
  return Number(rows[0]!.n);
}

describe("booking rules at push", () => {
  it("refuse outside working hours, over the lunch break and on a day off, but open exceptional openings", async () => {
    const testing = await signedIn();
    const results = await testing.push([
      book(ids.martin, ids.consultation, ids.known, at(0, "08:00"), 20),
      book(ids.martin, ids.consultation, ids.known, at(0, "12:20"), 20),
      book(ids.martin, ids.consultation, ids.known, at(6, "10:00"), 20),
      book(ids.martin, ids.consultation, ids.known, at(5, "09:00"), 20),
      book(ids.martin, ids.consultation, ids.known, at(0, "08:30"), 20),
    ]);
    expect(results.map(outcome)).toEqual([
      { code: "outside_hours", message: `Hors des horaires du Dr Claire Martin : le lundi ${french(0)}, 08:30–12:30 et 14:00–18:00.` },
      { code: "outside_hours", message: `Hors des horaires du Dr Claire Martin : le lundi ${french(0)}, 08:30–12:30 et 14:00–18:00.` },
      { code: "outside_hours", message: `Dr Claire Martin ne consulte pas le dimanche ${french(6)}.` },
      "applied",
      "applied",
    ]);
    expect(await bookedCount(testing)).toBe(2);
  });

  it("refuse during an absence", async () => {
    const testing = await signedIn();
    const [absent] = await testing.push([book(ids.martin, ids.consultation, ids.known, at(9, "10:00"), 20)]);
    expect(outcome(absent!)).toEqual({
      code: "practitioner_absent",
      message: `Absence du Dr Claire Martin (Congés) du ${french(7)} au ${french(11)} : aucun rendez-vous possible.`,
    });
    expect(await bookedCount(testing)).toBe(0);
  });

  it("hold each motif to its days, its hours, its notice and its openness to new patients", async () => {
    const testing = await signedIn();
    // The doctor agreed to see the newcomer: what is left to refuse is the motif.
    const request = askAgreement(ids.martin, ids.firstVisit, ids.newcomer);
    const results = await testing.push([
      book(ids.martin, ids.homeVisit, ids.known, at(2, "15:00"), 45),
      book(ids.martin, ids.homeVisit, ids.known, at(1, "10:00"), 45),
      book(ids.martin, ids.farAhead, ids.known, at(1, "10:00"), 60),
      request,
      answerAgreement(request.args.id, true),
      book(ids.martin, ids.consultation, ids.newcomer, at(1, "11:00"), 20, { agreementId: request.args.id }),
      book(ids.martin, ids.consultation, ids.known, at(-28, "10:00"), 20),
      book(ids.martin, ids.homeVisit, ids.known, at(1, "15:00"), 45),
    ]);
    expect(results.slice(0, 7).map(outcome)).toEqual([
      { code: "motif_not_allowed", message: "Le motif « Visite à domicile » n'est proposé que le mardi et le jeudi." },
      { code: "motif_not_allowed", message: "Le motif « Visite à domicile » n'est proposé qu'entre 14:00 et 18:00." },
      { code: "motif_not_allowed", message: expect.stringMatching(/^Le motif « Bilan annuel » demande un délai de prévenance de 60 jours : pas avant le /) },
      "applied",
      "applied",
      { code: "motif_not_allowed", message: "Le motif « Consultation » n'est pas ouvert aux nouveaux patients." },
      { code: "motif_not_allowed", message: "Ce créneau est déjà passé." },
    ]);
    expect(outcome(results[7]!)).toBe("applied");
    expect(await bookedCount(testing)).toBe(1);
  });

  it("follow each practitioner's policy for new patients, an agreement recorded and cited opening 'ask the doctor' only", async () => {
    const testing = await signedIn();
    const request = askAgreement(ids.martin, ids.firstVisit, ids.newcomer);
    const results = await testing.push([
      book(ids.martin, ids.firstVisit, ids.newcomer, at(1, "09:00"), 30),
      book(ids.martin, ids.firstVisit, ids.onceCancelled, at(1, "09:30"), 30),
      // A client of before the agreement was tied to an answer: its bare checkbox is no citation.
      book(ids.martin, ids.firstVisit, ids.newcomer, at(1, "09:00"), 30, { doctorAgreed: true }),
      request,
      book(ids.martin, ids.firstVisit, ids.newcomer, at(1, "09:00"), 30, { agreementId: request.args.id }),
      answerAgreement(request.args.id, false, "Patientèle complète"),
      book(ids.martin, ids.firstVisit, ids.newcomer, at(1, "09:00"), 30, { agreementId: request.args.id }),
      answerAgreement(request.args.id, true, "Finalement oui"),
      // The agreement is for the newcomer with Dr Martin: not for another patient, not with Mme Bernard.
      book(ids.martin, ids.firstVisit, ids.onceCancelled, at(1, "09:30"), 30, { agreementId: request.args.id }),
      book(ids.bernard, ids.bernardConsultation, ids.newcomer, at(1, "09:00"), 30, { agreementId: request.args.id }),
      book(ids.martin, ids.firstVisit, ids.newcomer, at(1, "10:00"), 30, { agreementId: request.args.id }),
      // Now that the newcomer has an appointment with Dr Martin, she is no longer new to her.
      book(ids.martin, ids.consultation, ids.newcomer, at(3, "10:00"), 20),
    ]);
    const askFirst = "Dr Claire Martin ne prend de nouveau patient qu'avec son accord : demandez-le (« Demander l'accord du médecin »), le rendez-vous se prend dès sa réponse.";
    expect(results.map(outcome)).toEqual([
      { code: "new_patients_closed", message: askFirst },
      { code: "new_patients_closed", message: askFirst },
      { code: "new_patients_closed", message: askFirst },
      "applied",
      { code: "new_patients_closed", message: "Dr Claire Martin n'a pas encore répondu à la demande d'accord pour ce patient." },
      "applied",
      { code: "new_patients_closed", message: "Dr Claire Martin a refusé de recevoir ce patient." },
      "applied",
      { code: "new_patients_closed", message: "L'accord cité ne concerne pas ce patient chez Dr Claire Martin : demandez le sien." },
      { code: "new_patients_closed", message: "Mme Sophie Bernard n'accepte pas de nouveaux patients." },
      "applied",
      "applied",
    ]);
    // Every workstation of the practice pulls the request with its answer, and who recorded it.
    const pulled = (await testing.pullAll()).find((change) => change.table === "message" && change.row.id === request.args.id);
    expect(pulled?.row).toMatchObject({
      category: "accord_nouveau_patient",
      request: { appointmentTypeId: ids.firstVisit, startAt: null, endAt: null },
      answer: { agreed: true, note: "Finalement oui", answeredBy: testing.user.id },
    });
  });

  it("refuse a request for a motif of another practitioner, and an answer to a message that asked nothing", async () => {
    const testing = await signedIn();
    const message = { ...askAgreement(ids.martin, ids.firstVisit, ids.newcomer).args, category: "rappel", request: null, id: randomUUID() };
    const results = await testing.push([
      askAgreement(ids.martin, ids.bernardConsultation, ids.newcomer),
      { name: "message.create", args: message },
      answerAgreement(message.id, true),
      answerAgreement(randomUUID(), true),
    ]);
    expect(results.map(outcome)).toEqual([
      { code: "not_found", message: "Motif introuvable pour ce praticien." },
      "applied",
      { code: "invalid", message: "Ce message ne demande pas l'accord du médecin : aucune réponse à y noter." },
      { code: "not_found", message: "Message introuvable." },
    ]);
    const { rows } = await testing.db.execute<{ answer: unknown }>(sql`SELECT answer FROM message WHERE id = ${message.id}`);
    expect(rows).toEqual([{ answer: null }]);
  });

  it("leave double booking to PostgreSQL, and hold moves to the same rules", async () => {
    const testing = await signedIn();
    const first = book(ids.martin, ids.consultation, ids.known, at(1, "09:00"), 20);
    const move = (startAt: string, minutes = 20, practitionerId?: string) => ({
      name: "appointment.move",
      args: { id: first.args.id, startAt, endAt: new Date(Date.parse(startAt) + minutes * 60_000).toISOString(), ...(practitionerId ? { practitionerId } : {}) },
    });
    const results = await testing.push([
      first,
      book(ids.martin, ids.consultation, ids.known, at(1, "09:10"), 20),
      move(at(1, "13:00")),
      move(at(8, "09:00")),
      move(at(4, "10:00")),
    ]);
    expect(results.map(outcome)).toEqual([
      "applied",
      { code: "slot_taken", message: "Ce créneau vient d'être pris sur un autre poste." },
      { code: "outside_hours", message: `Hors des horaires du Dr Claire Martin : le mardi ${french(1)}, 08:30–12:30 et 14:00–18:00.` },
      { code: "practitioner_absent", message: `Absence du Dr Claire Martin (Congés) du ${french(7)} au ${french(11)} : aucun rendez-vous possible.` },
      "applied",
    ]);
    const { rows } = await testing.db.execute<{ start_at: string }>(sql`SELECT start_at FROM appointment WHERE id = ${first.args.id}`);
    expect(Date.parse(rows[0]!.start_at)).toBe(Date.parse(at(4, "10:00")));
  });
});
