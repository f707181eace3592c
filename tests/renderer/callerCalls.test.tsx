import { act, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MessageView, PatientCallView } from "../../shared/api/views";
import { HELENE_PHONE, IDS } from "./fixtures";
import { openCallByNumbers, renderCallScreen } from "./renderApp";

const TILLEULS = "04 78 00 00 01";

const message: MessageView = {
  id: "97000000-0000-4000-8000-000000000001",
  practiceId: IDS.tilleuls,
  practitionerId: IDS.drMartin,
  patientId: IDS.heleneDurand,
  callId: "97100000-0000-4000-8000-000000000001",
  callerName: "DURAND Hélène",
  callbackNumber: null,
  category: "resultats",
  urgency: "normale",
  text: "Demande ses résultats de prise de sang.",
  status: "nouveau",
  createdAt: "2031-11-20T13:05:00.000Z",
  pending: false,
  request: null,
  answer: null,
  reading: null,
};

const calls = (reading: MessageView["reading"]): PatientCallView[] => [
  { id: "97100000-0000-4000-8000-000000000001", startedAt: "2031-11-20T13:02:00.000Z", outcome: "message", takenBy: "Camille Laurent", messages: [{ ...message, reading, status: reading ? "lu" : "nouveau" }] },
  { id: "97100000-0000-4000-8000-000000000002", startedAt: "2031-11-13T08:30:00.000Z", outcome: "rdv_pris", takenBy: null, messages: [] },
];

describe("the identified caller's previous calls", () => {
  it("are in the practice card with the messages taken then, and show the doctor's reading as soon as a sync brings it", async () => {
    const { user, bridge } = await renderCallScreen();
    bridge.data.patientCalls[IDS.heleneDurand] = calls(null);
    await openCallByNumbers(user, TILLEULS, HELENE_PHONE);
    const history = within(await screen.findByRole("region", { name: /^Appels précédents de DURAND Hélène/ }));
    const list = await history.findByRole("list", { name: "Appels précédents" });
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("jeudi 20 novembre 2031 à 14:02 — Message pris pour le médecin (Camille Laurent)");
    expect(list).toHaveTextContent("Message pour Dr Claire Martin (Résultats) — Nouveau");
    expect(list).toHaveTextContent("jeudi 13 novembre 2031 à 09:30 — Rendez-vous pris");
    expect(history.queryByText(/^Lu par/)).not.toBeInTheDocument();
    // Not the call on the line.
    expect(bridge.callsTo("calls.ofPatient").at(-1)).toMatchObject({ patientId: IDS.heleneDurand, exceptCallId: expect.any(String) });

    bridge.data.patientCalls[IDS.heleneDurand] = calls({ readAt: "2031-11-20T13:32:00.000Z", readBy: "Dr Claire Martin", treatedAt: null, reply: null });
    act(() => bridge.emit("replica.changed", { tables: ["message"] }));
    expect(await history.findByText(/^Lu par le Dr Claire Martin le 20\/11\/2031 à 14:32/)).toBeInTheDocument();
  });

  it("says when the caller has called before never", async () => {
    const { user } = await renderCallScreen();
    await openCallByNumbers(user, TILLEULS, HELENE_PHONE);
    const history = within(await screen.findByRole("region", { name: /^Appels précédents de DURAND Hélène/ }));
    expect(await history.findByText("Aucun appel précédent.")).toBeInTheDocument();
  });
});
