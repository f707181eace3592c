import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HELENE_PHONE, IDS } from "./fixtures";
import { openCallByNumbers, renderCallScreen } from "./renderApp";

const TILLEULS = "04 78 00 00 01";

describe("a patient's opposition to SMS", () => {
  it("is recorded on the identified caller with one click, and taken back the same way", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, TILLEULS, HELENE_PHONE);
    const optOut = await screen.findByRole("checkbox", { name: "Ne souhaite pas de SMS" });
    expect(optOut).not.toBeChecked();
    await user.click(optOut);
    expect(optOut).toBeChecked();
    await user.click(optOut);
    expect(bridge.mutationsNamed("patient.update")).toEqual([
      { id: IDS.heleneDurand, smsOpposition: true },
      { id: IDS.heleneDurand, smsOpposition: false },
    ]);
  });

  it("says so, and shows the choice as it was, when the change cannot be recorded", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, TILLEULS, HELENE_PHONE);
    bridge.failures["mutations.apply"] = "Poste verrouillé : saisissez votre mot de passe pour reprendre le travail.";
    const optOut = await screen.findByRole("checkbox", { name: "Ne souhaite pas de SMS" });
    await user.click(optOut);
    expect(await screen.findByRole("alert")).toHaveTextContent("Choix non enregistré : Poste verrouillé");
    expect(optOut).not.toBeChecked();
  });
});
