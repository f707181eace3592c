import { describe, expect, it } from "vitest";
import { holdsNul } from "../../shared/domain/textSafety";
import { MutationRejected, parseMutationArgs } from "../../shared/sync/mutations";

describe("NUL characters", () => {
  it("are found in any string or key, however deep, and nowhere else", () => {
    expect(holdsNul({ a: [1, { b: "x\u0000y" }] })).toBe(true);
    expect(holdsNul({ ["k\u0000"]: 1 })).toBe(true);
    expect(holdsNul({ a: [1, null, true, { b: "é\u0001" }] })).toBe(false);
    let deep: unknown = "\u0000";
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(holdsNul(deep)).toBe(true);
  });

  it("make a mutation invalid on the workstation before it is queued, with a French message", () => {
    const call = () => parseMutationArgs("waitlist.remove", { id: "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", extra: "\u0000" });
    expect(call).toThrow(MutationRejected);
    expect(call).toThrow("Demande invalide (waitlist.remove) : le caractère nul (U+0000) est interdit dans le texte.");
  });
});
