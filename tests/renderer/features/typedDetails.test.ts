import { describe, expect, it } from "vitest";
import { typedDetails } from "../../../renderer/src/features/sync/typedDetails";
import { refusedBooking, refusedMessage } from "../syncFixtures";

const NBSP = "\u00A0";

describe("what the secretary typed into a refused request", () => {
  it("keeps the message for the doctor and the number to call back", () => {
    expect(typedDetails(refusedMessage.args)).toEqual([
      `Message${NBSP}: «${NBSP}Souhaite avoir ses résultats de prise de sang.${NBSP}»`,
      `Numéro de rappel${NBSP}: 06 98 76 54 32`,
    ]);
  });

  it("keeps a new patient's phones and birth date, a note, a cancellation reason", () => {
    expect(typedDetails({ phones: ["+33612345678", "+33478000001"], birthDate: "1985-03-12" })).toEqual([
      `Téléphones${NBSP}: 06 12 34 56 78, 04 78 00 00 01`,
      `Date de naissance${NBSP}: 12/03/1985`,
    ]);
    expect(typedDetails(refusedBooking.args)).toEqual([`Note${NBSP}: Vient avec son carnet de vaccination`]);
    expect(typedDetails({ reason: "Patient hospitalisé" })).toEqual([`Motif${NBSP}: Patient hospitalisé`]);
  });

  it("has nothing to add for requests without free text, or malformed ones", () => {
    expect(typedDetails({ id: "x", status: "lu" })).toEqual([]);
    expect(typedDetails(null)).toEqual([]);
    expect(typedDetails({ phones: "0612345678", notes: "  " })).toEqual([]);
  });
});
