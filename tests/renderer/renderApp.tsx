import { render, screen } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { App } from "../../renderer/src/app/App";
import { installFakeBridge, type FakeBridge, type FakeData } from "./fakeBridge";

/** The whole renderer on a fake bridge, waited until the call screen is up. */
export async function renderCallScreen(overrides: Partial<FakeData> = {}): Promise<{ bridge: FakeBridge; user: UserEvent }> {
  const bridge = installFakeBridge(overrides);
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole("form", { name: "Ouvrir un appel" });
  return { bridge, user };
}

/** Types the numbers as the secretary would and submits; waits for the practice lookup to settle. */
export async function openCallByNumbers(user: UserEvent, dialledNumber: string, callerNumber = ""): Promise<void> {
  await user.type(screen.getByLabelText("Numéro appelé"), dialledNumber);
  if (callerNumber !== "") await user.type(screen.getByLabelText("Numéro de l'appelant"), callerNumber);
  await user.click(screen.getByRole("button", { name: "Ouvrir l'appel" }));
}
