import { describe, expect, it } from "vitest";
import { isStopReply } from "../../shared/domain/smsStopReply";

/** Issue 17: a patient's STOP, however written; nothing else. */
describe("a STOP reply", () => {
  it("is the first word STOP or ARRÊT, whatever its case, accents and punctuation", () => {
    for (const text of ["STOP", "stop", " Stop.", "STOP SMS", "Arrêt", "ARRETER svp", "« stop »", "Désinscription"]) expect(isStopReply(text), text).toBe(true);
  });

  it("is not a word that only contains it, nor a STOP further in", () => {
    for (const text of ["", "Stoppez tout", "Merci, à jeudi", "Je ne veux pas stop", "STOPPER", "ok"]) expect(isStopReply(text), text).toBe(false);
  });
});
