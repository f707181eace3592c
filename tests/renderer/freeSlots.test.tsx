import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { IDS, FIXTURE_NOW } from "./fixtures";
import { openCallByNumbers, renderCallScreen } from "./renderApp";

const agenda = () => within(screen.getByRole("region", { name: "Agenda" }));

describe("next free slots in the agenda pane", () => {
  it("lists the practice's next free slots when a call opens, earliest first, two per practitioner at most", async () => {
    const { user, bridge } = await renderCallScreen();
    const before = Date.parse(FIXTURE_NOW);
    await openCallByNumbers(user, "04 78 00 00 01");

    const list = await agenda().findByRole("list", { name: "Prochains créneaux libres" });
    // Each slot can be booked from the list: its button says which one.
    expect(within(list).getAllByRole("button").map((button) => button.getAttribute("aria-label"))).toEqual([
      "Réserver le lun. 24 nov. 09:15 avec Dr Claire Martin",
      "Réserver le lun. 24 nov. 09:35 avec Dr Claire Martin",
      "Réserver le mar. 25 nov. 14:00 avec Dr Jean Dupont",
      "Réserver le mer. 26 nov. 08:30 avec Mme Sophie Bernard",
    ]);
    expect(agenda().getByRole("heading", { name: "Prochains créneaux libres" })).toBeInTheDocument();
    expect(within(list).getByText("lun. 24 nov. 09:15")).toHaveAttribute("datetime", "2031-11-24T08:15:00.000Z");

    const [search] = bridge.callsTo("agenda.freeSlots");
    expect(search).toMatchObject({ practiceId: IDS.tilleuls, limit: 6, perPractitioner: 2 });
    expect(Date.parse(search!.from)).toBeGreaterThanOrEqual(before - 1000);
    expect(search?.appointmentTypeId).toBeUndefined();
    expect(bridge.violations).toEqual([]);
  });

  it("says when no slot is free", async () => {
    const empty = await renderCallScreen({ freeSlots: [] });
    await openCallByNumbers(empty.user, "04 78 00 00 01");
    expect(await agenda().findByText("Aucun créneau libre dans les six prochains mois.")).toBeInTheDocument();
    expect(agenda().queryByRole("list", { name: "Prochains créneaux libres" })).not.toBeInTheDocument();
  });

  it("says why the slots are missing when the core cannot find them", async () => {
    const { user, bridge } = await renderCallScreen();
    bridge.failures["agenda.freeSlots"] = "Base locale indisponible.";
    await openCallByNumbers(user, "04 78 00 00 01");
    expect(await agenda().findByText("Créneaux libres indisponibles : Base locale indisponible.")).toBeInTheDocument();
    // The day's agenda itself is still there.
    expect(agenda().getByText("DURAND Hélène — Consultation")).toBeInTheDocument();
  });

  it("shows another practice's slots only for that practice", async () => {
    const { user } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 02");
    const list = await agenda().findByRole("list", { name: "Prochains créneaux libres" });
    expect(within(list).getAllByRole("button").map((button) => button.getAttribute("aria-label"))).toEqual(["Réserver le lun. 24 nov. 08:00 avec Dr Luc Petit"]);
  });
});
