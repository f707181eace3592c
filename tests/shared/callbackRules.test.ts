import { describe, expect, it } from "vitest";
import { afterAttempt, callbackStanding } from "../../shared/domain/callbackRules";

const at = (iso: string) => Date.parse(iso);
const NOW = at("2026-11-23T17:30:00+01:00");
const CAMILLE = "40000000-0000-4000-8000-000000000001";
const INES = "40000000-0000-4000-8000-000000000002";

describe("who may act on a callback", () => {
  it("anyone on one to do; its holder on one under way; nobody on one closed", () => {
    expect(callbackStanding({ status: "a_faire", ownerId: null, takenAt: null }, INES, NOW)).toEqual({ free: true });
    const held = { status: "en_cours" as const, ownerId: CAMILLE, takenAt: at("2026-11-23T17:10:00+01:00") };
    expect(callbackStanding(held, CAMILLE, NOW)).toEqual({ free: true });
    expect(callbackStanding(held, INES, NOW)).toEqual({ free: false, code: "taken", holderId: CAMILLE });
    expect(callbackStanding({ status: "fait", ownerId: CAMILLE, takenAt: null }, CAMILLE, NOW)).toEqual({ free: false, code: "invalid", message: "Ce rappel est déjà clos (fait)." });
    expect(callbackStanding({ status: "abandonne", ownerId: null, takenAt: null }, INES, NOW)).toMatchObject({ free: false, code: "invalid" });
  });

  it("frees a claim half an hour old, not a minute before", () => {
    const taken = (iso: string) => ({ status: "en_cours" as const, ownerId: CAMILLE, takenAt: at(iso) });
    expect(callbackStanding(taken("2026-11-23T17:00:01+01:00"), INES, NOW)).toMatchObject({ free: false, code: "taken" });
    expect(callbackStanding(taken("2026-11-23T17:00:00+01:00"), INES, NOW)).toEqual({ free: true });
  });
});

describe("what a try does", () => {
  it("reached: done; wrong number: ended; otherwise back, half an hour later at the soonest", () => {
    const due = at("2026-11-23T17:45:00+01:00");
    expect(afterAttempt("joint", due, NOW)).toEqual({ status: "fait" });
    expect(afterAttempt("faux_numero", due, NOW)).toEqual({ status: "abandonne" });
    expect(afterAttempt("pas_de_reponse", due, NOW)).toEqual({ status: "a_faire", dueAt: at("2026-11-23T18:00:00+01:00") });
    // Due later than that anyway: unchanged.
    expect(afterAttempt("message_vocal", at("2026-11-24T09:00:00+01:00"), NOW)).toEqual({ status: "a_faire", dueAt: at("2026-11-24T09:00:00+01:00") });
  });
});
