import { describe, expect, it } from "vitest";
import { parseFrenchDate, readNewPatientForm } from "../../../renderer/src/features/call/newPatientForm";
import { readMessageForm, type MessageFormValues } from "../../../renderer/src/features/messages/messageForm";

describe("new patient form", () => {
  it("reads names, a French birth date and the phone in E.164", () => {
    expect(readNewPatientForm({ birthName: " Lambert ", firstName: "Zoé", birthDate: "05/07/1990", phone: "06 11 22 33 44" })).toEqual({
      fields: { birthName: "Lambert", firstName: "Zoé", birthDate: "1990-07-05", phones: ["+33611223344"] },
    });
    expect(readNewPatientForm({ birthName: "Lambert", firstName: "Zoé", birthDate: "", phone: "" })).toEqual({
      fields: { birthName: "Lambert", firstName: "Zoé", birthDate: null, phones: [] },
    });
  });

  it("says what to correct", () => {
    expect(readNewPatientForm({ birthName: "", firstName: " ", birthDate: "31/02/1990", phone: "123" })).toEqual({
      errors: {
        birthName: "Indiquez le nom.",
        firstName: "Indiquez le prénom.",
        birthDate: "Date de naissance attendue au format JJ/MM/AAAA.",
        phone: "Numéro de téléphone invalide.",
      },
    });
  });

  it("accepts real days only, not in the future", () => {
    const today = new Date("2026-11-23T12:00:00Z");
    expect(parseFrenchDate("29/02/2024", today)).toBe("2024-02-29");
    expect(parseFrenchDate("1.2.1950", today)).toBe("1950-02-01");
    expect(parseFrenchDate("29/02/2023", today)).toBeNull();
    expect(parseFrenchDate("01/01/2027", today)).toBeNull();
    expect(parseFrenchDate("1990-07-05", today)).toBeNull();
  });
});

describe("message form", () => {
  const values: MessageFormValues = {
    practitionerId: "",
    callerName: "DURAND Hélène",
    callbackNumber: "06 12 34 56 78",
    category: "ordonnance",
    urgency: "urgente",
    text: " Renouvellement du traitement ",
  };

  it("reads the message, the whole practice as a null practitioner and the callback number in E.164", () => {
    expect(readMessageForm(values)).toEqual({
      fields: {
        practitionerId: null,
        callerName: "DURAND Hélène",
        callbackNumber: "+33612345678",
        category: "ordonnance",
        urgency: "urgente",
        text: "Renouvellement du traitement",
      },
    });
    expect(readMessageForm({ ...values, callbackNumber: "" })).toMatchObject({ fields: { callbackNumber: null } });
  });

  it("requires the caller's name and the text, and a callback number that is one", () => {
    expect(readMessageForm({ ...values, callerName: " ", callbackNumber: "12", text: "" })).toEqual({
      errors: { callerName: "Indiquez le nom de l'appelant.", callbackNumber: "Numéro de rappel invalide.", text: "Écrivez le message." },
    });
  });
});
