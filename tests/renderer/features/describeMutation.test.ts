import { describe, expect, it } from "vitest";
import { describeMutation } from "../../../renderer/src/features/sync/describeMutation";

const NBSP = "\u00A0";

describe("describing a refused request in French", () => {
  it("dates bookings and moves on the Paris clock", () => {
    // November: Paris is UTC+1.
    expect(describeMutation("appointment.book", { startAt: "2026-11-24T09:00:00Z" })).toBe(
      "Prise de rendez-vous le mardi 24 novembre 2026 à 10:00",
    );
    // July: Paris is UTC+2, and 23:30 UTC is already the next day there.
    expect(describeMutation("appointment.move", { startAt: "2026-07-06T23:30:00Z" })).toBe(
      "Déplacement de rendez-vous au mardi 7 juillet 2026 à 01:30",
    );
  });

  it("names the patient and the caller, eliding « de » before a vowel", () => {
    expect(describeMutation("patient.create", { firstName: "Marc", birthName: "Lefèvre" })).toBe(
      "Création de la fiche patient de Marc Lefèvre",
    );
    expect(describeMutation("patient.create", { firstName: "Anne", birthName: "Lefèvre" })).toBe(
      "Création de la fiche patient d'Anne Lefèvre",
    );
    expect(describeMutation("message.create", { callerName: "Hélène Durand" })).toBe("Message pour le médecin de Hélène Durand");
    expect(describeMutation("message.create", { callerName: "Émile Roux" })).toBe("Message pour le médecin d'Émile Roux");
  });

  it("has a sentence for every other request", () => {
    expect(describeMutation("appointment.cancel", { reason: "Malade" })).toBe("Annulation de rendez-vous");
    expect(describeMutation("patient.update", { id: "x", phones: [] })).toBe("Modification d'une fiche patient");
    expect(describeMutation("appointment.setStatus", { status: "noshow_excused" })).toBe(
      "Rendez-vous marqué comme manqué (absence excusée)",
    );
    expect(describeMutation("message.setStatus", { status: "traite" })).toBe("Message marqué comme traité");
    expect(describeMutation("call.open", { startedAt: "2026-11-24T08:15:00Z" })).toBe("Appel reçu le mardi 24 novembre 2026 à 09:15");
    expect(describeMutation("call.close", {})).toBe("Clôture d'un appel");
    expect(describeMutation("waitlist.add", {})).toBe("Inscription sur la liste d'attente");
    expect(describeMutation("waitlist.remove", {})).toBe("Retrait de la liste d'attente");
    expect(describeMutation("waitlist.decline", {})).toBe("Créneau libéré refusé par le patient");
    expect(describeMutation("callback.create", { callerName: "Émile Roux" })).toBe("Rappel à faire d'Émile Roux");
    expect(describeMutation("callback.take", { id: "x" })).toBe("Prise en charge d'un rappel");
    expect(describeMutation("callback.release", {})).toBe("Rappel remis dans la liste");
    expect(describeMutation("callback.attempt", { result: "joint" })).toBe("Essai de rappel noté");
    expect(describeMutation("callback.close", { status: "abandonne" })).toBe("Rappel abandonné");
    expect(describeMutation("callback.close", { status: "fait" })).toBe("Rappel fait");
  });

  it("still says something when the arguments are missing or malformed", () => {
    expect(describeMutation("appointment.book", null)).toBe("Prise de rendez-vous");
    expect(describeMutation("appointment.book", { startAt: "demain" })).toBe("Prise de rendez-vous");
    expect(describeMutation("patient.create", { firstName: 42 })).toBe("Création d'une fiche patient");
    expect(describeMutation("message.create", "texte")).toBe("Message pour le médecin");
    expect(describeMutation("appointment.setStatus", { status: "inconnu" })).toBe("Changement d'état d'un rendez-vous");
  });

  it("names a request it does not know by its technical name, in French quotes", () => {
    expect(describeMutation("invoice.send", {})).toBe(`Demande «${NBSP}invoice.send${NBSP}»`);
    expect(describeMutation("constructor", {})).toBe(`Demande «${NBSP}constructor${NBSP}»`);
    expect(describeMutation("appointment.setStatus", { status: "toString" })).toBe("Changement d'état d'un rendez-vous");
  });
});
