import { describe, expect, it } from "vitest";
import { outcomeRefusal } from "../../shared/domain/appointmentOutcome";

describe("marking an appointment honoured or missed", () => {
  const startAt = "2026-12-04T16:00:00.000Z";

  it("is possible once it has begun, not before, and never once cancelled", () => {
    expect(outcomeRefusal({ status: "booked", startAt }, "2026-12-04T16:00:00.000Z")).toBeNull();
    expect(outcomeRefusal({ status: "booked", startAt }, "2026-12-05T08:00:00.000Z")).toBeNull();
    expect(outcomeRefusal({ status: "booked", startAt }, "2026-12-04T15:59:59.999Z")).toEqual({
      code: "invalid",
      message: "Ce rendez-vous n'a pas encore commencé : il ne peut pas être marqué honoré ou manqué.",
    });
    expect(outcomeRefusal({ status: "cancelled", startAt }, "2026-12-05T08:00:00.000Z")).toMatchObject({ message: "Un rendez-vous annulé ne peut pas être honoré." });
  });
});
