import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CallbackView } from "../../shared/api/views";
import { HELENE_PHONE, IDS, TILLEULS_NUMBER, patients } from "./fixtures";
import { openCallByNumbers, renderCallScreen } from "./renderApp";
import { camille } from "./syncFixtures";

/** « À rappeler » (issue 18) on the call screen: the header's count, the queue, taking, calling back, noting. */
function callback(fields: Partial<CallbackView> & Pick<CallbackView, "id" | "callerName">): CallbackView {
  return {
    practiceId: IDS.tilleuls,
    practiceName: "Cabinet médical des Tilleuls",
    practiceNumber: TILLEULS_NUMBER,
    patientId: null,
    number: "+33698765432",
    kind: "message",
    reason: "Souhaite être rappelé pour ses résultats.",
    dueAt: "2031-11-20T11:00:00+01:00",
    overdue: false,
    status: "a_faire",
    ownerId: null,
    ownerName: null,
    mine: false,
    claimLapsed: false,
    attempts: [],
    createdAt: "2031-11-20T09:00:00+01:00",
    provisional: false,
    ...fields,
  };
}

const late = callback({ id: "50000000-0000-4000-8000-000000000001", callerName: "DURAND Hélène", patientId: IDS.heleneDurand, number: HELENE_PHONE, kind: "liste_attente", reason: "Créneau libéré : le proposer.", dueAt: "2031-11-20T09:30:00+01:00", overdue: true });
const soon = callback({ id: "50000000-0000-4000-8000-000000000002", callerName: "M. Petit" });
const held = callback({
  id: "50000000-0000-4000-8000-000000000003",
  callerName: "Mme Roux",
  dueAt: "2031-11-20T12:00:00+01:00",
  status: "en_cours",
  ownerId: "40000000-0000-4000-8000-000000000002",
  ownerName: "Sophie Bernard",
});

const pane = () => screen.getByRole("region", { name: "À rappeler" });

async function renderWithQueue() {
  const rendered = await renderCallScreen({ session: camille, callbacks: [held, soon, late] });
  await screen.findByRole("button", { name: "À rappeler : 3, dont 1 en retard" });
  return rendered;
}

describe("« À rappeler »", () => {
  it("counts the open callbacks in the header, and Alt+T opens the queue soonest due first, with who holds each", async () => {
    const { user } = await renderWithQueue();
    await user.keyboard("{Alt>}t{/Alt}");

    expect(screen.getByRole("heading", { name: "À rappeler" })).toHaveFocus();
    const items = await within(pane()).findAllByRole("listitem");
    expect(items.map((item) => within(item).getByRole("heading").textContent)).toEqual(["DURAND Hélène", "M. Petit", "Mme Roux"]);
    const [first, , third] = items.map((item) => within(item));
    expect(first!.getByText(/^En retard/)).toBeInTheDocument();
    expect(third!.getByText("Pris par Sophie Bernard")).toBeInTheDocument();
    // Someone else's: neither calling it nor closing it is offered.
    expect(third!.queryByRole("button", { name: /Rappeler/ })).not.toBeInTheDocument();
    expect(third!.queryByRole("button", { name: /Abandonner/ })).not.toBeInTheDocument();

    // ↓ and ↑ go from one callback to the next.
    await user.keyboard("{ArrowDown}");
    expect(within(pane()).getByRole("button", { name: "Rappeler DURAND Hélène" })).toHaveFocus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(items[2]).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(within(pane()).getByRole("button", { name: "Rappeler M. Petit" })).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "À rappeler" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "À rappeler : 3, dont 1 en retard" })).toHaveFocus();
  });

  it("takes a callback, and says whose it is when another secretary took it first", async () => {
    const { user, bridge } = await renderWithQueue();
    await user.keyboard("{Alt>}t{/Alt}");
    await user.click(await within(pane()).findByRole("button", { name: "Prendre le rappel de M. Petit" }));

    expect(bridge.callsTo("mutations.apply")).toContainEqual({ name: "callback.take", args: { id: soon.id } });
    await waitFor(() => expect(within(pane()).getByText("Pris par vous")).toBeInTheDocument());

    // Meanwhile, on another workstation, Sophie took Hélène's: this copy does not know it yet.
    bridge.data.callbacks = bridge.data.callbacks.map((one) => (one.id === late.id ? { ...one, status: "en_cours", ownerName: "Sophie Bernard", ownerId: held.ownerId } : one));
    await user.click(within(pane()).getByRole("button", { name: "Prendre le rappel de DURAND Hélène" }));

    expect(await within(pane()).findByRole("alert")).toHaveTextContent("Ce rappel est pris par Sophie Bernard.");
    expect(within(pane()).getAllByText("Pris par Sophie Bernard")).toHaveLength(2);
  });

  it("calls back: the practice's call screen opens for that number and that patient, with the callback's context and its results", async () => {
    // Her son shares her number: the callback knows it is for her.
    const son = { ...patients[0]!, id: "30000000-0000-4000-8000-000000000009", firstName: "Léo", birthDate: "2015-02-02" };
    const { user, bridge } = await renderCallScreen({ session: camille, callbacks: [held, soon, late], patients: [...patients, son] });
    await user.keyboard("{Alt>}t{/Alt}");
    await user.click(await within(pane()).findByRole("button", { name: "Rappeler DURAND Hélène" }));

    expect(bridge.callsTo("mutations.apply")).toContainEqual({ name: "callback.take", args: { id: late.id } });
    await waitFor(() => expect(bridge.callsTo("call.workspace").at(-1)).toMatchObject({ dialledNumber: TILLEULS_NUMBER, callerNumber: HELENE_PHONE }));
    // On record as a call she made, not one she answered.
    await waitFor(() => expect(bridge.callsTo("mutations.apply").find((call) => call.name === "call.open")?.args).toMatchObject({ direction: "sortant", callerNumber: HELENE_PHONE }));
    const banner = within(screen.getByRole("region", { name: "Appel en cours" }));
    expect(banner.getByText("Appel sortant")).toBeInTheDocument();
    await waitFor(() => expect(banner.getByText("DURAND Hélène (naissance : MARTIN)")).toBeInTheDocument());
    const context = await screen.findByRole("region", { name: "Rappel de DURAND Hélène" });
    // The queue's button is gone: the next keystroke dials.
    await waitFor(() => expect(within(context).getByRole("button", { name: "Composer par le standard" })).toHaveFocus());
    expect(within(context).getByText(/Créneau libéré : le proposer\./)).toBeInTheDocument();
    expect(within(context).getByRole("link", { name: "06 12 34 56 78" })).toHaveAttribute("href", `tel:${HELENE_PHONE}`);
    expect(screen.queryByRole("region", { name: "À rappeler" })).not.toBeInTheDocument();

    await user.type(within(context).getByLabelText("Note sur ce rappel"), "Viendra jeudi");
    await user.click(within(context).getByRole("button", { name: "Joint" }));

    expect(bridge.callsTo("mutations.apply")).toContainEqual({ name: "callback.attempt", args: { id: late.id, result: "joint", note: "Viendra jeudi" } });
    await waitFor(() => expect(screen.queryByRole("region", { name: "Rappel de DURAND Hélène" })).not.toBeInTheDocument());
    expect(await screen.findByRole("button", { name: "À rappeler : 2" })).toBeInTheDocument();
  });

  it("Alt+J has the agency's PBX dial the callback on the line, or says why it cannot", async () => {
    const { user, bridge } = await renderCallScreen({ session: camille, callbacks: [held, soon, late], dialer: true });
    await user.keyboard("{Alt>}j{/Alt}");
    // No callback on the line: the key does nothing.
    expect(bridge.callsTo("callbacks.dial")).toEqual([]);

    await user.keyboard("{Alt>}t{/Alt}");
    await user.click(await within(pane()).findByRole("button", { name: "Rappeler M. Petit" }));
    const context = await screen.findByRole("region", { name: "Rappel de M. Petit" });
    await user.keyboard("{Alt>}j{/Alt}");
    expect(bridge.callsTo("callbacks.dial")).toEqual([{ id: soon.id }]);
    expect(await within(context).findByText("Votre poste 201 sonne : décrochez pour appeler le patient.")).toBeInTheDocument();

    bridge.data.dialer = false;
    await user.click(within(context).getByRole("button", { name: "Composer par le standard" }));
    expect(await within(context).findByRole("alert")).toHaveTextContent("Le standard de l'agence ne compose pas depuis Télésec");
  });

  it("notes the caller on the line to call back (Alt+D), linked to the call", async () => {
    const { user, bridge } = await renderCallScreen({ session: camille });
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    await screen.findByRole("button", { name: "À rappeler : 0" });
    await user.keyboard("{Alt>}d{/Alt}");

    const dialog = await screen.findByRole("dialog", { name: "Noter à rappeler" });
    expect(within(dialog).getByLabelText("Pourquoi rappeler")).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Noter à rappeler" }));
    expect(within(dialog).getByText("Dites pourquoi rappeler.")).toBeInTheDocument();
    expect(bridge.callsTo("mutations.apply").filter((call) => call.name === "callback.create")).toHaveLength(0);

    await user.type(within(dialog).getByLabelText("Pourquoi rappeler"), "Attend le retour du laboratoire");
    await user.click(within(dialog).getByRole("button", { name: "Noter à rappeler" }));

    const created = bridge.callsTo("mutations.apply").find((call) => call.name === "callback.create");
    expect(created?.args).toMatchObject({ practiceId: IDS.tilleuls, number: HELENE_PHONE, reason: "Attend le retour du laboratoire", callId: expect.any(String) });
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await screen.findByRole("button", { name: "À rappeler : 1" })).toBeInTheDocument();
  });

  it("follows sync: a callback added on another workstation moves the count", async () => {
    const { bridge } = await renderWithQueue();
    bridge.data.callbacks = [...bridge.data.callbacks, callback({ id: "50000000-0000-4000-8000-000000000004", callerName: "M. Noir" })];
    act(() => bridge.emit("replica.changed", { tables: ["callback"] }));
    expect(await screen.findByRole("button", { name: "À rappeler : 4, dont 1 en retard" })).toBeInTheDocument();
  });
});
