import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { parisDayOf } from "../../shared/domain/parisTime";
import { IDS, FIXTURE_NOW, gare, tilleuls } from "./fixtures";
import { openCallByNumbers, renderCallScreen } from "./renderApp";

const region = (name: string) => screen.getByRole("region", { name });

describe("call screen", () => {
  it("shows the practice card, the consignes and the agenda of the dialled number", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "05 55 00 00 00");

    const card = within(region("Fiche cabinet"));
    expect(await card.findByRole("heading", { name: "Cabinet médical des Tilleuls" })).toBeInTheDocument();
    expect(card.getByText("Accueil à dire")).toBeInTheDocument();
    expect(card.getByText("Cabinet médical des Tilleuls, bonjour, je vous écoute.")).toBeInTheDocument();
    expect(card.getByText("12 rue des Tilleuls", { exact: false })).toBeInTheDocument();
    expect(card.getByText("Deuxième étage avec ascenseur. Code porte 4512.")).toBeInTheDocument();

    const practitioners = card.getAllByRole("listitem").map((item) => item.textContent);
    expect(practitioners).toContain("Dr Claire Martin — Médecin généraliste — Accepte les nouveaux patients");
    expect(practitioners).toContain("Dr Jean Dupont — Médecin généraliste — Nouveaux patients\u00A0: demander au médecin");
    expect(practitioners).toContain("Mme Sophie Bernard — Sage-femme — N'accepte pas de nouveaux patients");
    expect(card.getByText("Dr Paul Roux")).toBeInTheDocument();
    expect(await card.findByText("Appelant inconnu")).toBeInTheDocument();

    const consignes = within(region("Consignes"));
    const titles = (await consignes.findAllByRole("heading", { level: 3 })).map((heading) => heading.textContent);
    // "Nouveaux patients" is written from the practitioners' settings (priority 50), not stored.
    expect(titles).toEqual(["Urgence vitale", "Nouveaux patients", "Renouvellements d'ordonnance", "Absence du Dr Dupont"]);
    expect(consignes.queryByText("Consigne de la Gare")).not.toBeInTheDocument();
    expect(consignes.getByText("du 30/12/2024 au 31/12/2099 à 18:00")).toBeInTheDocument();
    const urgent = consignes.getByRole("article", { name: "Urgence vitale" });
    expect(urgent).toHaveClass("directive--urgence");

    const agenda = within(region("Agenda"));
    expect(await agenda.findByText("DURAND Hélène — Consultation")).toBeInTheDocument();
    expect(agenda.getByText("LEFÈVRE Marc — Vaccination")).toBeInTheDocument();
    expect(agenda.queryByText("LEFÈVRE Anne — Consultation")).not.toBeInTheDocument();
    // The "cabinet" view: one column per practitioner, side by side.
    const columns = agenda.getAllByRole("region", { name: /^Agenda de / }).map((column) => column.getAttribute("aria-label"));
    expect(columns).toEqual(["Agenda de Dr Claire Martin", "Agenda de Dr Jean Dupont", "Agenda de Mme Sophie Bernard"]);
    expect(within(agenda.getByRole("region", { name: "Agenda de Dr Jean Dupont" })).getByText("LEFÈVRE Marc — Vaccination")).toBeInTheDocument();

    const [range] = bridge.callsTo("agenda.range");
    expect(range?.practitionerIds).toEqual([IDS.drMartin, IDS.drDupont, IDS.sfBernard]);
    const today = parisDayOf(new Date(FIXTURE_NOW));
    expect(range).toMatchObject({ from: today.from, to: today.to });
    expect(bridge.violations).toEqual([]);
  });

  it("names the caller when the number matches patients of that practice only", async () => {
    const { user } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");

    const card = within(region("Fiche cabinet"));
    const matches = await card.findByRole("list", { name: "Patients correspondant au numéro" });
    expect(within(matches).getAllByRole("listitem")).toHaveLength(1);
    expect(within(matches).getByText("DURAND Hélène (naissance : MARTIN)")).toBeInTheDocument();
    expect(within(matches).getByText("né(e) le 12/03/1985")).toBeInTheDocument();
    expect(card.queryByText("Appelant inconnu")).not.toBeInTheDocument();
  });

  it("says so when no practice answers on the dialled number", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "01 99 99 99 99");

    expect(await screen.findByText("Aucun cabinet pour le numéro 01 99 99 99 99.")).toBeInTheDocument();
    expect(bridge.callsTo("directives.inForce")).toHaveLength(0);
    expect(bridge.callsTo("agenda.range")).toHaveLength(0);
  });

  it("refuses to open a call without the dialled number", async () => {
    const { user, bridge } = await renderCallScreen();
    await user.click(screen.getByRole("button", { name: "Ouvrir l'appel" }));

    expect(screen.getByText("Saisissez le numéro appelé.")).toBeInTheDocument();
    expect(screen.getByLabelText("Numéro appelé")).toHaveFocus();
    expect(bridge.callsTo("practices.byDialledNumber")).toHaveLength(0);
  });

  it("opens a practice picked by hand from the practice list", async () => {
    const { user } = await renderCallScreen();
    const picker = await screen.findByRole("combobox", { name: "Cabinet" });
    await waitFor(() => expect(picker).toBeEnabled());

    await user.selectOptions(picker, "Maison de santé de la Gare — Lyon");
    await user.click(screen.getByRole("button", { name: "Ouvrir le cabinet" }));

    const card = within(region("Fiche cabinet"));
    expect(await card.findByRole("heading", { name: "Maison de santé de la Gare" })).toBeInTheDocument();
    expect(screen.getByLabelText("Numéro appelé")).toHaveValue("04 78 00 00 02");
    expect(await within(region("Consignes")).findByText("Consigne de la Gare")).toBeInTheDocument();
  });

  it("after a call's outcome is saved, opens the next practice without the previous caller's number", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    await user.keyboard("{Alt>}c{/Alt}");
    const close = within(await screen.findByRole("dialog", { name: "Clôturer l'appel" }));
    await user.click(close.getByRole("radio", { name: "Renseignement donné" }));
    await user.click(close.getByRole("button", { name: "Enregistrer l'issue" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.getByLabelText("Numéro de l'appelant")).toHaveValue("");

    await user.selectOptions(await screen.findByRole("combobox", { name: "Cabinet" }), "Maison de santé de la Gare — Lyon");
    await user.click(screen.getByRole("button", { name: "Ouvrir le cabinet" }));

    await waitFor(() => expect(bridge.mutationsNamed("call.open")).toHaveLength(2));
    expect(bridge.mutationsNamed("call.open")[1]).toMatchObject({ dialledNumber: "+33478000002", callerNumber: null });
  });

  it("out of hours, puts the practice's on-call doctor first; otherwise lower down, with the colleagues", async () => {
    const closedAllDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "23:59", mode: "hors_horaires" as const }));
    const { user } = await renderCallScreen({ practices: [{ ...tilleuls, coverageSchedule: closedAllDay }, gare] });
    await openCallByNumbers(user, "04 78 00 00 01");

    const card = region("Fiche cabinet");
    const onCall = await within(card).findByRole("region", { name: "Cabinet fermé : orienter vers la garde" });
    expect(onCall).toHaveTextContent("Dr Anne Garde — 04 78 00 00 77");
    expect(onCall).toHaveTextContent("Le soir de 20 h à minuit, le week-end");
    const blocks = [...card.querySelectorAll(".pane__body > .card-block")];
    expect(blocks[0]).toBe(onCall);
  });

  it("shows the on-call doctor after the colleagues during the practice's hours", async () => {
    const { user } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    const card = region("Fiche cabinet");
    const onCall = await within(card).findByRole("region", { name: "Médecin de garde" });
    const blocks = [...card.querySelectorAll(".pane__body > .card-block")];
    expect(blocks.at(-1)).toBe(onCall);
  });

  it("shows the core's message when a pane cannot load", async () => {
    const { user, bridge } = await renderCallScreen();
    bridge.failures["directives.inForce"] = "Base locale indisponible";
    await openCallByNumbers(user, "04 78 00 00 01");

    expect(await within(region("Consignes")).findByText("Consignes indisponibles : Base locale indisponible")).toBeInTheDocument();
  });
});

describe("patient search", () => {
  it("finds the practice's patients by name, with birth date and phone", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    const search = await screen.findByLabelText("Rechercher un patient");

    await user.type(search, "lef");
    // A loaded machine may pause between keys and search "l" first: the list asserted is the settled text's.
    await waitFor(() => expect(bridge.callsTo("patients.search").at(-1)?.text).toBe("lef"));

    const results = await screen.findByRole("list", { name: "Patients trouvés" });
    expect(within(results).getByText("LEFÈVRE Marc")).toBeInTheDocument();
    expect(within(results).getByText("né(e) le 02/11/1972")).toBeInTheDocument();
    expect(within(results).getByText("06 98 76 54 32")).toBeInTheDocument();
    // Anne Lefèvre belongs to another practice: medical secrecy keeps her out.
    expect(within(results).queryByText(/Anne/)).not.toBeInTheDocument();
    // The debounce itself is tested with fake timers (useDebouncedValue.test.tsx).
    const searches = bridge.callsTo("patients.search");
    expect(searches.every((input) => input.practiceId === IDS.tilleuls)).toBe(true);
  });

  it("says when nobody matches", async () => {
    const { user } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    await user.type(await screen.findByLabelText("Rechercher un patient"), "zzz");

    expect(await screen.findByText("Aucun patient trouvé.")).toBeInTheDocument();
  });
});

describe("patient search following sync", () => {
  it("shows a patient that sync brings while the search is on screen, without a keystroke and without a blink", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    const search = await screen.findByLabelText("Rechercher un patient");
    await user.click(search);
    await user.paste("zephyrin");
    await waitFor(() => expect(bridge.callsTo("patients.search").at(-1)?.text).toBe("zephyrin"));
    expect(await screen.findByText("Aucun patient trouvé.")).toBeInTheDocument();
    const searchesBefore = bridge.callsTo("patients.search").length;

    act(() => {
      // Created on another workstation, and one of another practice that must stay out.
      bridge.data.patients = [
        ...bridge.data.patients,
        { id: "30000000-0000-4000-8000-0000000000a1", practiceId: IDS.tilleuls, birthName: "Zéphyrin", usedName: null, firstName: "Anaïs", birthDate: "1990-04-02", phones: [], email: null, notes: null, smsOpposition: false },
        { id: "30000000-0000-4000-8000-0000000000a2", practiceId: IDS.gare, birthName: "Zéphyrin", usedName: null, firstName: "Paul", birthDate: "1980-01-01", phones: [], email: null, notes: null, smsOpposition: false },
      ];
      bridge.emit("replica.changed", { tables: ["patient"] });
    });

    const results = await screen.findByRole("list", { name: "Patients trouvés" });
    expect(within(results).getByText("ZÉPHYRIN Anaïs")).toBeInTheDocument();
    expect(within(results).queryByText(/Paul/)).not.toBeInTheDocument();
    expect(search).toHaveValue("zephyrin");
    expect(search).toHaveFocus();
    expect(bridge.callsTo("patients.search").slice(searchesBefore).map((input) => [input.text, input.practiceId])).toEqual([["zephyrin", IDS.tilleuls]]);
  });

  it("searches nothing when sync brings patients and no search is on screen", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    await screen.findByLabelText("Rechercher un patient");
    act(() => bridge.emit("replica.changed", { tables: ["patient"] }));
    // Another change read after it: once its pane has followed, the patient change has been handled too.
    act(() => bridge.emit("replica.changed", { tables: ["directive"] }));
    await waitFor(() => expect(bridge.callsTo("directives.inForce").length).toBeGreaterThan(1));
    expect(bridge.callsTo("patients.search")).toEqual([]);
  });
});

describe("keyboard", () => {
  it("Alt+N goes to the dialled number and Alt+R to the patient search", async () => {
    const { user } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    await screen.findByLabelText("Rechercher un patient");

    await user.keyboard("{Alt>}r{/Alt}");
    expect(screen.getByLabelText("Rechercher un patient")).toHaveFocus();

    await user.keyboard("{Alt>}n{/Alt}");
    expect(screen.getByLabelText("Numéro appelé")).toHaveFocus();
  });

  it("opens the call with Enter from the caller number", async () => {
    const { user } = await renderCallScreen();
    await user.keyboard("{Alt>}n{/Alt}");
    await user.keyboard("0478000001{Tab}0612345678{Enter}");

    expect(await screen.findByRole("heading", { name: "Cabinet médical des Tilleuls" })).toBeInTheDocument();
  });
});
