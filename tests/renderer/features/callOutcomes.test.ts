import { describe, expect, it } from "vitest";
import { CALL_OUTCOMES } from "../../../shared/domain/enums";
import { CALL_OUTCOME_LABELS, OUTCOME_CHOICES, outcomeForDigit } from "../../../renderer/src/features/call/callOutcomes";

describe("call outcomes", () => {
  it("has a distinct French label for every outcome of the data model", () => {
    expect(Object.keys(CALL_OUTCOME_LABELS).sort()).toEqual([...CALL_OUTCOMES].sort());
    expect(new Set(Object.values(CALL_OUTCOME_LABELS)).size).toBe(CALL_OUTCOMES.length);
    expect(CALL_OUTCOME_LABELS.urgence_reorientee).toBe("Urgence réorientée (15 / SAMU)");
  });

  it("offers them in the model's order, each with its digit", () => {
    expect(OUTCOME_CHOICES.map((choice) => choice.outcome)).toEqual([...CALL_OUTCOMES]);
    expect(OUTCOME_CHOICES.map((choice) => choice.digit)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(outcomeForDigit("1")).toBe("rdv_pris");
    expect(outcomeForDigit("7")).toBe("urgence_reorientee");
    expect(outcomeForDigit("8")).toBe("reoriente_confrere");
    expect(outcomeForDigit("0")).toBeNull();
    expect(outcomeForDigit("a")).toBeNull();
  });
});
