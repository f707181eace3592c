import { describe, expect, it } from "vitest";
import { AGREEMENT_CATEGORY, agreementRequest, agreementStanding, type AgreementMessage } from "../../shared/domain/doctorAgreement";
import { parseMutationArgs } from "../../shared/sync/mutations";

const patientId = "30000000-0000-4000-8000-000000000001";
const practitionerId = "20000000-0000-4000-8000-000000000001";
const motifId = "40000000-0000-4000-8000-000000000001";
const booking = { patientId, practitionerId };
const request: AgreementMessage = { category: AGREEMENT_CATEGORY, practitionerId, patientId, answer: null, deleted: false };
const answered = (agreed: boolean): AgreementMessage => ({ ...request, answer: { agreed, note: null, answeredAt: "2026-11-24T09:00:00Z", answeredBy: null } });

describe("a booking's citation of the doctor's agreement", () => {
  it("opens the agenda only for the patient and the practitioner it names, once they agreed", () => {
    expect(agreementStanding(answered(true), booking, true)).toBe("agreed");
    expect(agreementStanding(answered(false), booking, true)).toBe("refused");
    expect(agreementStanding(request, booking, true)).toBe("awaiting");
  });

  it("is worth nothing for another patient, another practitioner, another kind of message, a deleted or unknown one", () => {
    expect(agreementStanding(answered(true), { ...booking, patientId: "30000000-0000-4000-8000-000000000002" }, true)).toBe("not_applicable");
    expect(agreementStanding(answered(true), { ...booking, practitionerId: "20000000-0000-4000-8000-000000000002" }, true)).toBe("not_applicable");
    expect(agreementStanding({ ...answered(true), category: "rappel" }, booking, true)).toBe("not_applicable");
    expect(agreementStanding({ ...answered(true), deleted: true }, booking, true)).toBe("not_applicable");
    expect(agreementStanding(null, booking, true)).toBe("not_applicable");
    expect(agreementStanding(null, booking, false)).toBe("none");
  });
});

describe("a request for agreement, as a message", () => {
  const message = {
    id: "60000000-0000-4000-8000-000000000001",
    practiceId: "10000000-0000-4000-8000-000000000001",
    practitionerId,
    patientId,
    callId: null,
    callerName: "DURAND Léa",
    callbackNumber: null,
    category: AGREEMENT_CATEGORY,
    urgency: "normale",
    text: "Nouveau patient",
    request: { appointmentTypeId: motifId, startAt: null, endAt: null },
  };

  it("names the practitioner, the patient and the wanted motif; only it carries a request", () => {
    expect(parseMutationArgs("message.create", message).request).toEqual({ appointmentTypeId: motifId, startAt: null, endAt: null });
    expect(() => parseMutationArgs("message.create", { ...message, request: null })).toThrow(/request : Une demande d'accord du médecin, et elle seule, précise le motif demandé/);
    expect(() => parseMutationArgs("message.create", { ...message, category: "rappel" })).toThrow(/et elle seule/);
    expect(() => parseMutationArgs("message.create", { ...message, patientId: null })).toThrow(/nomme le praticien et le patient/);
    expect(() => parseMutationArgs("message.create", { ...message, practitionerId: null })).toThrow(/nomme le praticien et le patient/);
    // Messages of other kinds are as before: no request needed.
    expect(parseMutationArgs("message.create", { ...message, category: "rappel", request: undefined }).request).toBeNull();
  });

  it("gives a slot whole and in order, or none", () => {
    expect(agreementRequest.safeParse({ appointmentTypeId: motifId, startAt: "2026-11-24T09:00:00+01:00", endAt: "2026-11-24T09:30:00+01:00" }).success).toBe(true);
    expect(agreementRequest.safeParse({ appointmentTypeId: motifId, startAt: "2026-11-24T09:00:00+01:00", endAt: null }).success).toBe(false);
    expect(agreementRequest.safeParse({ appointmentTypeId: motifId, startAt: "2026-11-24T09:30:00+01:00", endAt: "2026-11-24T09:00:00+01:00" }).success).toBe(false);
  });

  it("takes an answer of at most 1 000 characters", () => {
    expect(parseMutationArgs("message.answer", { id: message.id, agreed: true, note: "  Oui, lundi  " }).note).toBe("Oui, lundi");
    expect(() => parseMutationArgs("message.answer", { id: message.id, agreed: true, note: "x".repeat(1001) })).toThrow(/Réponse trop longue/);
    expect(() => parseMutationArgs("message.answer", { id: message.id, note: null })).toThrow(/agreed/);
  });
});
