import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { TelephonyEvent } from "../../shared/api/contract";
import type { PatientView } from "../../shared/api/views";
import { BUSY_LINE_MESSAGE } from "../../renderer/src/features/call/callCommands";
import { App } from "../../renderer/src/app/App";
import { installFakeBridge, type FakeBridge } from "./fakeBridge";
import { HELENE_PHONE, IDS, TILLEULS_NUMBER, patients, FIXTURE_NOW } from "./fixtures";
import { openCallByNumbers, renderCallScreen } from "./renderApp";

const banner = () => screen.getByRole("region", { name: "Appel en cours" });
const closeDialog = () => screen.findByRole("dialog", { name: "Clôturer l'appel" });

const FIRST = "a0000000-0000-4000-8000-000000000001";
const SECOND = "a0000000-0000-4000-8000-000000000002";
const MARC_PHONE = "+33698765432";

function telephony(bridge: FakeBridge, kind: TelephonyEvent["event"], callId: string, extra: Partial<TelephonyEvent> = {}): void {
  act(() =>
    bridge.emit("call.telephony", {
      event: kind,
      callId,
      externalCallId: `pbx-${callId.slice(-2)}`,
      dialledNumber: TILLEULS_NUMBER,
      callerNumber: HELENE_PHONE,
      practiceId: IDS.tilleuls,
      at: new Date(FIXTURE_NOW).toISOString(),
      ...extra,
    }),
  );
}

describe("a call opened by hand", () => {
  it("is recorded with call.open once its practice and caller are known, and shown in the banner", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");

    await waitFor(() => expect(bridge.mutationsNamed("call.open")).toHaveLength(1));
    const [opened] = bridge.mutationsNamed("call.open");
    expect(opened).toMatchObject({
      practiceId: IDS.tilleuls,
      externalCallId: null,
      dialledNumber: TILLEULS_NUMBER,
      callerNumber: HELENE_PHONE,
      patientId: IDS.heleneDurand,
    });
    expect(Date.parse(FIXTURE_NOW) - Date.parse(opened!.startedAt)).toBeLessThan(60_000);

    const summary = within(banner());
    expect(summary.getByText("06 12 34 56 78")).toBeInTheDocument();
    expect(summary.getByText("DURAND Hélène (naissance : MARTIN)")).toBeInTheDocument();
    expect(summary.getByText("Cabinet médical des Tilleuls")).toBeInTheDocument();
    expect(summary.getByRole("timer", { name: "Durée de l'appel" })).toHaveTextContent(/^00:0\d$/);
    expect(summary.getByRole("button", { name: "Clôturer l'appel" })).toHaveAttribute("aria-keyshortcuts", "Alt+C");
    expect(bridge.violations).toEqual([]);
  });

  it("says the caller is unknown when the number matches nobody, and records a withheld number as null", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");

    await waitFor(() => expect(bridge.mutationsNamed("call.open")).toHaveLength(1));
    expect(bridge.mutationsNamed("call.open")[0]).toMatchObject({ callerNumber: null, patientId: null });
    expect(within(banner()).getByText("Numéro masqué")).toBeInTheDocument();
    expect(within(banner()).getByText("Appelant inconnu")).toBeInTheDocument();
  });

  it("needs its outcome before the next call opens; the outcome dialog sends call.close", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    await waitFor(() => expect(bridge.mutationsNamed("call.open")).toHaveLength(1));

    await user.click(screen.getByRole("button", { name: "Ouvrir l'appel" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(BUSY_LINE_MESSAGE);
    expect(bridge.callsTo("practices.byDialledNumber")).toHaveLength(1);

    await user.keyboard("{Alt>}c{/Alt}");
    const dialog = await closeDialog();
    expect(within(dialog).getByRole("radiogroup", { name: /Issue de l'appel/ })).toBeInTheDocument();
    expect(within(dialog).getAllByRole("radio")).toHaveLength(9);
    expect(within(dialog).getByRole("radio", { name: "Rendez-vous pris" })).toHaveFocus();

    await user.click(within(dialog).getByRole("button", { name: "Enregistrer l'issue" }));
    expect(within(dialog).getByText("Choisissez l'issue de l'appel.")).toBeInTheDocument();
    expect(bridge.mutationsNamed("call.close")).toHaveLength(0);

    // The digit in front of an outcome chooses it.
    within(dialog).getByRole("radio", { name: "Rendez-vous pris" }).focus();
    await user.keyboard("6");
    expect(within(dialog).getByRole("radio", { name: "Renseignement donné" })).toBeChecked();
    await user.type(within(dialog).getByLabelText("Notes"), "Horaires donnés{Control>}{Enter}{/Control}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const [closed] = bridge.mutationsNamed("call.close");
    expect(closed).toMatchObject({
      id: bridge.mutationsNamed("call.open")[0]!.id,
      outcome: "info",
      notes: "Horaires donnés",
      links: { appointmentIds: [], messageIds: [] },
      patientId: IDS.heleneDurand,
    });
    expect(screen.queryByRole("region", { name: "Appel en cours" })).not.toBeInTheDocument();
    expect(screen.getByText("Appel clôturé : Renseignement donné.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Ouvrir l'appel" }));
    await waitFor(() => expect(bridge.mutationsNamed("call.open")).toHaveLength(2));
    expect(screen.queryByText(BUSY_LINE_MESSAGE)).not.toBeInTheDocument();
  });

  it("keeps the call open when the outcome dialog is closed with Escape, and gives the focus back", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    const close = within(banner()).getByRole("button", { name: "Clôturer l'appel" });
    await user.click(close);
    await closeDialog();

    await user.keyboard("{Escape}");

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(close).toHaveFocus();
    expect(banner()).toBeInTheDocument();
    expect(bridge.mutationsNamed("call.close")).toHaveLength(0);
  });

  it("shows the core's refusal in the outcome dialog and keeps the call", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    await waitFor(() => expect(bridge.mutationsNamed("call.open")).toHaveLength(1));
    await user.keyboard("{Alt>}c{/Alt}");
    const dialog = await closeDialog();
    bridge.failures["mutations.apply"] = "Base locale indisponible";

    await user.click(within(dialog).getByRole("radio", { name: "Autre" }));
    await user.click(within(dialog).getByRole("button", { name: "Enregistrer l'issue" }));

    expect(await within(dialog).findByRole("alert")).toHaveTextContent("L'issue n'a pas pu être enregistrée : Base locale indisponible");
    expect(banner()).toBeInTheDocument();
  });
});

describe("a call popped by the telephony", () => {
  it("uses the server's call id without call.open, and waits for the outcome when the caller hangs up", async () => {
    const { bridge } = await renderCallScreen();
    telephony(bridge, "ringing", FIRST);

    expect(await within(region("Fiche cabinet")).findByRole("heading", { name: "Cabinet médical des Tilleuls" })).toBeInTheDocument();
    expect(within(banner()).getByText("Sonnerie")).toBeInTheDocument();
    telephony(bridge, "answered", FIRST);
    expect(within(banner()).getByText("En ligne")).toBeInTheDocument();

    const endedAt = new Date(Date.parse(FIXTURE_NOW) + 1000).toISOString();
    telephony(bridge, "ended", FIRST, { at: endedAt });
    const dialog = await closeDialog();
    expect(within(banner()).getByText("Appel terminé : issue à saisir")).toBeInTheDocument();

    await act(async () => within(dialog).getByRole("radio", { name: "Rendez-vous pris" }).click());
    await act(async () => within(dialog).getByRole("button", { name: "Enregistrer l'issue" }).click());

    await waitFor(() => expect(bridge.mutationsNamed("call.close")).toHaveLength(1));
    expect(bridge.mutationsNamed("call.close")[0]).toMatchObject({ id: FIRST, endedAt, outcome: "rdv_pris", patientId: IDS.heleneDurand });
    expect(bridge.mutationsNamed("call.open")).toHaveLength(0);
  });

  it("puts focus where the call's work starts, away from the header's buttons", async () => {
    const { bridge } = await renderCallScreen();
    // Where a sign-in left it before: on "Se déconnecter", where an Enter would end the session mid-call.
    screen.getByRole("button", { name: "Oublier ce poste…" }).focus();
    telephony(bridge, "ringing", FIRST);
    await waitFor(() => expect(screen.getByLabelText("Rechercher un patient")).toHaveFocus());
  });

  it("puts focus on the choice of the caller when several patients share the number", async () => {
    const leo = { ...patients.find((patient) => patient.id === IDS.heleneDurand)!, id: "30000000-0000-4000-8000-000000000009", firstName: "Léo", birthDate: "2012-05-01" };
    const { bridge } = await renderCallScreen({ patients: [...patients, leo] });
    telephony(bridge, "ringing", FIRST);
    await waitFor(() => expect(screen.getByRole("listbox", { name: "Choisir le patient appelant" })).toHaveFocus());
  });

  it("shows the popped call's numbers in the call form, as if typed", async () => {
    const { bridge } = await renderCallScreen();
    telephony(bridge, "ringing", FIRST);

    await waitFor(() => expect(screen.getByLabelText("Numéro appelé")).toHaveValue("04 78 00 00 01"));
    expect(screen.getByLabelText("Numéro de l'appelant")).toHaveValue("06 12 34 56 78");
  });

  it("keeps a call that rings while the working screen is not up, and pops it once it is", async () => {
    const bridge = installFakeBridge({ status: { state: "store_unreadable", reason: "wrong_key", message: "SQLITE_NOTADB" } });
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole("heading", { name: "Les données locales du poste sont illisibles" });
    telephony(bridge, "ringing", FIRST);
    expect(screen.queryByRole("region", { name: "Appel en cours" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Réinitialiser et resynchroniser" }));
    await user.click(screen.getByRole("button", { name: "Oui, réinitialiser" }));

    expect(await within(await screen.findByRole("region", { name: "Appel en cours" })).findByText("Cabinet médical des Tilleuls")).toBeInTheDocument();
    expect(screen.getByLabelText("Numéro appelé")).toHaveValue("04 78 00 00 01");
  });

  it("shows a call that rings meanwhile as waiting, and pops it once the outcome is saved", async () => {
    const { user, bridge } = await renderCallScreen();
    telephony(bridge, "ringing", FIRST);
    await within(banner()).findByText("DURAND Hélène (naissance : MARTIN)");

    telephony(bridge, "ringing", SECOND, { callerNumber: MARC_PHONE });
    const waiting = screen.getByRole("region", { name: "Appel en attente" });
    expect(within(waiting).getByText("06 98 76 54 32 → 04 78 00 00 01")).toBeInTheDocument();
    // The current call stays on screen.
    expect(within(banner()).getByText("06 12 34 56 78")).toBeInTheDocument();

    await user.keyboard("{Alt>}c{/Alt}");
    const dialog = await closeDialog();
    await user.click(within(dialog).getByRole("radio", { name: "Appel transféré" }));
    await user.keyboard("{Enter}");

    expect(await within(banner()).findByText("LEFÈVRE Marc")).toBeInTheDocument();
    expect(within(banner()).getByText("06 98 76 54 32")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Appel en attente" })).not.toBeInTheDocument();
    expect(bridge.mutationsNamed("call.close")).toEqual([expect.objectContaining({ id: FIRST, outcome: "transfert" })]);
  });

  it("forgets a waiting call whose caller hung up", async () => {
    const { bridge } = await renderCallScreen();
    telephony(bridge, "ringing", FIRST);
    telephony(bridge, "ringing", SECOND, { callerNumber: null });
    expect(within(screen.getByRole("region", { name: "Appel en attente" })).getByText("Numéro masqué → 04 78 00 00 01")).toBeInTheDocument();

    telephony(bridge, "ended", SECOND);

    expect(screen.queryByRole("region", { name: "Appel en attente" })).not.toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("refuses a call opened by hand while the popped call lacks its outcome", async () => {
    const { user, bridge } = await renderCallScreen();
    telephony(bridge, "ringing", FIRST);
    await openCallByNumbers(user, "04 78 00 00 02");
    expect(await screen.findByText(BUSY_LINE_MESSAGE)).toBeInTheDocument();
    expect(bridge.callsTo("practices.byDialledNumber").map((input) => input.number)).toEqual([TILLEULS_NUMBER]);
  });
});

describe("identifying the caller", () => {
  const leo: PatientView = {
    id: "30000000-0000-4000-8000-000000000009",
    practiceId: IDS.tilleuls,
    birthName: "Durand",
    usedName: null,
    firstName: "Léo",
    birthDate: "2012-05-01",
    phones: [HELENE_PHONE],
    email: null,
    notes: null,
    smsOpposition: false,
  };

  it("lets the secretary choose among the patients of the number, with arrows and Enter or a digit", async () => {
    const { user, bridge } = await renderCallScreen({ patients: [...patients, leo] });
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");

    const choice = await screen.findByRole("listbox", { name: "Choisir le patient appelant" });
    expect(within(choice).getAllByRole("option")).toHaveLength(2);
    expect(within(banner()).getByText("Appelant à identifier (2 patients pour ce numéro)")).toBeInTheDocument();
    await waitFor(() => expect(bridge.mutationsNamed("call.open")).toHaveLength(1));
    expect(bridge.mutationsNamed("call.open")[0]?.patientId).toBeNull();

    await user.keyboard("{Alt>}i{/Alt}");
    expect(choice).toHaveFocus();
    await user.keyboard("{ArrowDown}{Enter}");
    expect(within(choice).getAllByRole("option")[1]).toHaveAttribute("aria-selected", "true");
    expect(within(banner()).getByText("DURAND Léo")).toBeInTheDocument();

    await user.keyboard("1");
    expect(within(choice).getAllByRole("option")[0]).toHaveAttribute("aria-selected", "true");
    expect(within(banner()).getByText("DURAND Hélène (naissance : MARTIN)")).toBeInTheDocument();

    await user.keyboard("{Alt>}c{/Alt}");
    await user.click(within(await closeDialog()).getByRole("radio", { name: "Autre" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(bridge.mutationsNamed("call.close")).toHaveLength(1));
    expect(bridge.mutationsNamed("call.close")[0]?.patientId).toBe(IDS.heleneDurand);
  });

  it("creates an unknown caller in two keystrokes around the names, with the caller's number", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "05 55 00 00 00");
    const card = within(region("Fiche cabinet"));
    expect(await card.findByText("Appelant inconnu")).toBeInTheDocument();
    expect(card.getByRole("button", { name: "Créer le patient" })).toHaveAttribute("aria-keyshortcuts", "Alt+P");

    await user.keyboard("{Alt>}p{/Alt}");
    const dialog = await screen.findByRole("dialog", { name: "Créer le patient" });
    expect(within(dialog).getByLabelText("Téléphone")).toHaveValue("05 55 00 00 00");
    expect(within(dialog).getByLabelText("Nom")).toHaveFocus();
    await user.keyboard("Lambert{Tab}Zoé{Enter}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const [created] = bridge.mutationsNamed("patient.create");
    expect(created).toMatchObject({ practiceId: IDS.tilleuls, birthName: "Lambert", firstName: "Zoé", birthDate: null, phones: ["+33555000000"] });
    expect(within(banner()).getByText("LAMBERT Zoé")).toBeInTheDocument();
    expect(card.getByText("Appelant identifié : LAMBERT Zoé")).toBeInTheDocument();
    expect(card.queryByText("Appelant inconnu")).not.toBeInTheDocument();

    await user.keyboard("{Alt>}c{/Alt}");
    await user.click(within(await closeDialog()).getByRole("radio", { name: "Rendez-vous pris" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(bridge.mutationsNamed("call.close")).toHaveLength(1));
    expect(bridge.mutationsNamed("call.close")[0]?.patientId).toBe(created?.id);
  });

  it("names a patient found by the search as the caller when the number is withheld", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    await user.type(await screen.findByLabelText("Rechercher un patient"), "lef");
    const results = await screen.findByRole("list", { name: "Patients trouvés" });

    await user.click(within(results).getByRole("button", { name: "Identifier LEFÈVRE Marc comme l'appelant" }));

    expect(within(banner()).getByText("LEFÈVRE Marc")).toBeInTheDocument();
    expect(within(results).queryByRole("button", { name: "Identifier LEFÈVRE Marc comme l'appelant" })).not.toBeInTheDocument();
    await user.keyboard("{Alt>}c{/Alt}");
    await user.click(within(await closeDialog()).getByRole("radio", { name: "Renseignement donné" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(bridge.mutationsNamed("call.close")[0]?.patientId).toBe(IDS.marcLefevre));
  });

  it("says what to correct in the creation form, and saves nothing", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "05 55 00 00 00");
    await within(region("Fiche cabinet")).findByText("Appelant inconnu");
    await user.keyboard("{Alt>}p{/Alt}");
    const dialog = await screen.findByRole("dialog", { name: "Créer le patient" });

    await user.keyboard("{Enter}");

    expect(within(dialog).getByText("Indiquez le nom.")).toBeInTheDocument();
    expect(within(dialog).getByText("Indiquez le prénom.")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Nom")).toHaveFocus();
    expect(bridge.mutationsNamed("patient.create")).toHaveLength(0);
  });
});

describe("colleagues (confrères)", () => {
  it("are one key away (Alt+E); sending the caller to one becomes the call's outcome", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    await within(region("Fiche cabinet")).findByText("Dr Paul Roux");

    await user.keyboard("{Alt>}e{/Alt}");
    expect(screen.getByRole("heading", { name: "Confrères" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Réorienter vers Dr Paul Roux" }));
    expect(screen.getByText("Issue de l'appel : Réorienté vers un confrère (Dr Paul Roux).")).toBeInTheDocument();

    await user.keyboard("{Alt>}c{/Alt}");
    const close = await closeDialog();
    expect(within(close).getByRole("radio", { name: "Réorienté vers un confrère" })).toBeChecked();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(bridge.mutationsNamed("call.close")).toEqual([expect.objectContaining({ outcome: "reoriente_confrere" })]));
  });
});

describe("emergency", () => {
  it("Alt+U shows the practice's emergency consigne and the 15 / SAMU guidance, and sets the outcome", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    await within(region("Consignes")).findByText("Urgence vitale");

    await user.keyboard("{Alt>}u{/Alt}");
    const dialog = await screen.findByRole("dialog", { name: "Urgence : orienter vers le 15" });
    const consigne = within(dialog).getByRole("article", { name: "Urgence vitale" });
    expect(consigne).toHaveTextContent("orienter immédiatement vers le 15 (SAMU)");
    expect(within(dialog).queryByText("Renouvellements d'ordonnance")).not.toBeInTheDocument();
    expect(within(dialog).getByRole("region", { name: "15 / SAMU" })).toHaveTextContent(/le 15 \(SAMU\) immédiatement/);
    expect(within(dialog).getByRole("status")).toHaveTextContent("Issue de l'appel : Urgence réorientée (15 / SAMU)");
    expect(within(dialog).getByRole("button", { name: "Fermer" })).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();

    await user.keyboard("{Alt>}c{/Alt}");
    const close = await closeDialog();
    expect(within(close).getByRole("radio", { name: "Urgence réorientée (15 / SAMU)" })).toBeChecked();
    expect(within(close).getByRole("radio", { name: "Urgence réorientée (15 / SAMU)" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(bridge.mutationsNamed("call.close")).toEqual([expect.objectContaining({ outcome: "urgence_reorientee" })]));
  });

  it("is in sight on the call banner, with its key, for whoever does not know the shortcut", async () => {
    const { user } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    const button = within(region("Appel en cours")).getByRole("button", { name: "Urgence Alt+U" });
    expect(button).toHaveAttribute("aria-keyshortcuts", "Alt+U");

    await user.click(button);

    const dialog = await screen.findByRole("dialog", { name: "Urgence : orienter vers le 15" });
    expect(within(dialog).getByRole("status")).toHaveTextContent("Issue de l'appel : Urgence réorientée (15 / SAMU)");
  });

  it("gives the guidance even without a call, and says nothing is recorded", async () => {
    const { user } = await renderCallScreen();
    await user.keyboard("{Alt>}u{/Alt}");
    const dialog = await screen.findByRole("dialog", { name: "Urgence : orienter vers le 15" });
    expect(within(dialog).getByText("Aucun cabinet à l'écran.")).toBeInTheDocument();
    expect(within(dialog).getByRole("status")).toHaveTextContent("Aucun appel en cours : aucune issue n'est enregistrée.");
    await user.click(within(dialog).getByRole("button", { name: "Fermer" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});

const region = (name: string) => screen.getByRole("region", { name });
