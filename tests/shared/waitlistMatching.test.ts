import { describe, expect, it } from "vitest";
import { fitsPreferredWindows, freedSlotProposals, motifForPractitioner, type WaitingEntry, type WaitingMotif } from "../../shared/domain/waitlistMatching";

const DR_A = "a0000000-0000-4000-8000-00000000000a";
const DR_B = "b0000000-0000-4000-8000-00000000000b";
const consultationA: WaitingMotif = { id: "motif-a", practitionerId: DR_A, label: "Consultation", durationMinutes: 20 };
const consultationB: WaitingMotif = { id: "motif-b", practitionerId: DR_B, label: "CONSULTATION", durationMinutes: 15 };
const longB: WaitingMotif = { id: "motif-b-long", practitionerId: DR_B, label: "Première consultation", durationMinutes: 45 };

// Tuesday 2026-12-01, Paris (UTC+1): 10:00–10:30 freed with Dr B.
const at = (time: string) => Date.parse(`2026-12-01T${time}:00+01:00`);
const freed = { practitionerId: DR_B, startAt: at("10:00"), endAt: at("10:30") };
const now = Date.parse("2026-11-24T09:00:00+01:00");

function entry(id: string, change: Partial<WaitingEntry> = {}): WaitingEntry {
  return { id, practitionerIds: [DR_A, DR_B], preferredWindows: [], createdAt: 0, motif: consultationA, hasOpenOffer: false, ...change };
}

describe("the motif booked with the practitioner of a freed slot", () => {
  it("is the entry's own with its practitioner, else that practitioner's motif of the same name, accents and case aside", () => {
    expect(motifForPractitioner(consultationA, [consultationB, longB], DR_A)).toBe(consultationA);
    expect(motifForPractitioner(consultationA, [longB, consultationB], DR_B)).toBe(consultationB);
    expect(motifForPractitioner({ ...consultationA, label: "Vaccination" }, [consultationB, longB], DR_B)).toBeNull();
  });
});

describe("preferred windows", () => {
  it("accept any time when there are none, else a slot inside one window of that weekday (Paris time)", () => {
    expect(fitsPreferredWindows(at("10:00"), at("10:20"), [])).toBe(true);
    expect(fitsPreferredWindows(at("10:00"), at("10:20"), [{ weekday: 2, start: "09:00", end: "10:20" }])).toBe(true);
    expect(fitsPreferredWindows(at("10:00"), at("10:21"), [{ weekday: 2, start: "09:00", end: "10:20" }])).toBe(false);
    expect(fitsPreferredWindows(at("10:00"), at("10:20"), [{ weekday: 3, start: "09:00", end: "12:00" }])).toBe(false);
    expect(fitsPreferredWindows(at("08:59"), at("09:20"), [{ weekday: 2, start: "09:00", end: "12:00" }])).toBe(false);
  });
});

describe("the proposals of a freed slot", () => {
  it("go oldest entry first, each sized to its motif from the freed start", () => {
    const proposals = freedSlotProposals(freed, [entry("recent", { createdAt: 2 }), entry("ancienne", { createdAt: 1 })], [consultationB, longB], now);
    expect(proposals).toEqual([
      { entryId: "ancienne", practitionerId: DR_B, appointmentTypeId: "motif-b", startAt: at("10:00"), endAt: at("10:15") },
      { entryId: "recent", practitionerId: DR_B, appointmentTypeId: "motif-b", startAt: at("10:00"), endAt: at("10:15") },
    ]);
  });

  it("skip patients who do not accept that practitioner, already hold an offer, need a longer motif, or prefer other hours", () => {
    const proposals = freedSlotProposals(
      freed,
      [
        entry("autre-medecin", { practitionerIds: [DR_A] }),
        entry("deja-proposee", { hasOpenOffer: true }),
        entry("trop-long", { motif: { ...longB } }),
        entry("le-soir", { preferredWindows: [{ weekday: 2, start: "17:00", end: "19:00" }] }),
        entry("sans-motif-chez-b", { motif: { ...consultationA, label: "Vaccination" } }),
        entry("retenue", { createdAt: 5 }),
      ],
      [consultationB, longB],
      now,
    );
    expect(proposals.map((proposal) => proposal.entryId)).toEqual(["retenue"]);
  });

  it("offer nothing for a slot already begun", () => {
    expect(freedSlotProposals(freed, [entry("x")], [consultationB], at("10:00"))).toEqual([]);
  });
});
