import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SessionView } from "../../shared/api/contract";
import { absenceFromDays } from "../../shared/domain/absenceDays";
import { totalsByPractice } from "../../renderer/src/features/admin/callStatsTable";
import { formatWeeklyHours, parseWeeklyHours } from "../../renderer/src/features/admin/weeklyHoursText";
import { IDS, FIXTURE_NOW } from "./fixtures";
import { renderCallScreen } from "./renderApp";
import { camille, syncStatus } from "./syncFixtures";

const as = (role: "secretary" | "supervisor" | "admin", name: string): SessionView => ({ ...camille, user: { ...camille.user!, role, name } });
const signedIn = (role: "secretary" | "supervisor" | "admin", name: string) => ({ session: as(role, name), syncStatus: syncStatus() });
const screensNav = () => screen.queryByRole("navigation", { name: "Écrans" });

describe("agency screens by role", () => {
  it("shows a secretary no agency screen", async () => {
    await renderCallScreen(signedIn("secretary", "Camille Laurent"));
    await screen.findByText("Session : Camille Laurent");
    expect(screensNav()).not.toBeInTheDocument();
  });

  it("follows the account when a sync brings users: a supervisor made secretary loses the statistics she is reading", async () => {
    const { user, bridge } = await renderCallScreen(signedIn("supervisor", "Nathalie Girard"));
    const nav = within(await screen.findByRole("navigation", { name: "Écrans" }));
    await user.click(nav.getByRole("button", { name: "Statistiques" }));
    expect(await screen.findByRole("button", { name: "Afficher" })).toBeInTheDocument();

    // Other tables change nothing; the account's new row does.
    bridge.data.session = as("secretary", "Nathalie Girard");
    act(() => bridge.emit("replica.changed", { tables: ["patient"] }));
    expect(screen.getByRole("button", { name: "Afficher" })).toBeInTheDocument();
    act(() => bridge.emit("replica.changed", { tables: ["user"] }));
    await waitFor(() => expect(screensNav()).not.toBeInTheDocument());
    expect(screen.queryByRole("button", { name: "Afficher" })).not.toBeInTheDocument();
    expect(await screen.findByRole("main", { name: "Espace de travail" })).toBeInTheDocument();
  });

  it("gives a supervisor her practices' SMS of the period, and the no-show rates with and without a delivered reminder", async () => {
    const { user, bridge } = await renderCallScreen(signedIn("supervisor", "Nathalie Girard"));
    bridge.data.agency.smsStats = [
      { practiceId: IDS.tilleuls, sent: 120, delivered: 112, failed: 5, refused: 9, withReminder: { appointments: 80, noShows: 4 }, withoutReminder: { appointments: 40, noShows: 6 } },
      { practiceId: IDS.gare, sent: 0, delivered: 0, failed: 0, refused: 0, withReminder: { appointments: 0, noShows: 0 }, withoutReminder: { appointments: 12, noShows: 1 } },
    ];
    const nav = within(await screen.findByRole("navigation", { name: "Écrans" }));
    await user.click(nav.getByRole("button", { name: "Statistiques" }));
    await user.click(screen.getByRole("button", { name: "Afficher" }));
    const section = within(await screen.findByRole("region", { name: "SMS aux patients" }));
    const table = section.getByRole("table", { name: /^SMS aux patients du / });
    expect(within(table).getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual(["Cabinet", "Envoyés", "Remis", "Échecs", "Refusés", "Absences\u00a0: rappel remis", "Absences\u00a0: sans rappel remis"]);
    const rows = within(table).getAllByRole("row").slice(1).map((row) => [within(row).getByRole("rowheader").textContent, ...within(row).getAllByRole("cell").map((cell) => cell.textContent)]);
    expect(rows).toEqual([
      ["Cabinet médical des Tilleuls", "120", "112", "5", "9", "5\u00a0% (4 sur 80)", "15\u00a0% (6 sur 40)"],
      ["Maison de santé de la Gare", "0", "0", "0", "0", "—", "8,3\u00a0% (1 sur 12)"],
    ]);
    expect(bridge.callsTo("stats.sms")).toHaveLength(1);
  });

  it("gives a supervisor the statistics of her practices, by outcome", async () => {
    const { user, bridge } = await renderCallScreen(signedIn("supervisor", "Nathalie Girard"));
    bridge.data.agency.callStats = [
      { practiceId: IDS.tilleuls, day: "2026-11-23", outcome: "rdv_pris", calls: 3 },
      { practiceId: IDS.tilleuls, day: "2026-11-24", outcome: "rdv_pris", calls: 2 },
      { practiceId: IDS.tilleuls, day: "2026-11-24", outcome: null, calls: 1 },
      { practiceId: IDS.gare, day: "2026-11-24", outcome: "message", calls: 4 },
    ];
    const nav = within(await screen.findByRole("navigation", { name: "Écrans" }));
    expect(nav.getAllByRole("button").map((button) => button.textContent)).toEqual(["Appels", "Rapports", "Statistiques"]);
    await user.click(nav.getByRole("button", { name: "Statistiques" }));
    expect(screen.queryByRole("main", { name: "Espace de travail" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Afficher" }));
    const table = await screen.findByRole("table", { name: /^Appels du / });
    const rows = within(table).getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent));
    expect(within(table).getAllByRole("rowheader").map((cell) => cell.textContent)).toEqual(["Cabinet médical des Tilleuls", "Maison de santé de la Gare"]);
    // Rendez-vous pris 5, … sans issue 1, total 6 for the Tilleuls.
    expect(rows[0]![0]).toBe("5");
    expect(rows[0]!.slice(-2)).toEqual(["1", "6"]);
    expect(bridge.callsTo("stats.calls")).toHaveLength(1);

    await user.click(nav.getByRole("button", { name: "Appels" }));
    expect(screen.getByRole("main", { name: "Espace de travail" })).toBeInTheDocument();
  });
});

describe("administration", () => {
  async function openAdministration() {
    const rendered = await renderCallScreen(signedIn("admin", "Marc Lefort"));
    const nav = within(await screen.findByRole("navigation", { name: "Écrans" }));
    expect(nav.getAllByRole("button").map((button) => button.textContent)).toEqual(["Appels", "Administration", "Rapports", "Statistiques"]);
    await rendered.user.click(nav.getByRole("button", { name: "Administration" }));
    await screen.findByRole("table", { name: "Comptes de l'agence" });
    return rendered;
  }

  it("lists the accounts, creates one and disables another", async () => {
    const { user, bridge } = await openAdministration();
    const table = screen.getByRole("table", { name: "Comptes de l'agence" });
    expect(within(table).getByText("Camille Laurent")).toBeInTheDocument();

    const form = within(screen.getByRole("form", { name: "Nouveau compte" }));
    await user.type(form.getByLabelText("Identifiant"), "j.petit");
    await user.type(form.getByLabelText("Nom affiché"), "Julie Petit");
    await user.selectOptions(form.getByLabelText("Rôle"), "Superviseur");
    await user.click(form.getByLabelText("Maison de santé de la Gare"));
    await user.type(form.getByLabelText("Mot de passe initial"), "un-mot-de-passe-solide");
    await user.click(form.getByRole("button", { name: "Créer le compte" }));
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Comptes de l'agence" })).getByText("Julie Petit")).toBeInTheDocument());
    expect(bridge.callsTo("admin.users.create")).toEqual([
      { login: "j.petit", displayName: "Julie Petit", role: "supervisor", practiceIds: [IDS.gare], password: "un-mot-de-passe-solide", extension: null },
    ]);

    await user.type(form.getByLabelText("Identifiant"), "j.petit");
    await user.type(form.getByLabelText("Nom affiché"), "Homonyme");
    await user.type(form.getByLabelText("Mot de passe initial"), "un-mot-de-passe-solide");
    await user.click(form.getByRole("button", { name: "Créer le compte" }));
    expect(await screen.findByText("Le compte n'a pas pu être créé : L'identifiant « j.petit » est déjà utilisé.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Désactiver secretaire" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Réactiver secretaire" })).toBeInTheDocument());
    expect(bridge.callsTo("admin.users.update").at(-1)).toEqual({ id: "90000000-0000-4000-8000-000000000002", change: { disabled: true } });
    expect(bridge.violations).toEqual([]);
  });

  it("edits an account's name, phone extension and password, and offers no role change nor disabling on the administrator's own account", async () => {
    const { user, bridge } = await openAdministration();
    const table = within(screen.getByRole("table", { name: "Comptes de l'agence" }));
    expect(table.queryByLabelText("Rôle de admin")).not.toBeInTheDocument();
    expect(table.getByText("Administrateur (vous)")).toBeInTheDocument();
    expect(table.queryByRole("button", { name: "Désactiver admin" })).not.toBeInTheDocument();
    expect(table.getByLabelText("Rôle de secretaire")).toBeInTheDocument();

    await user.click(table.getByRole("button", { name: "Modifier secretaire" }));
    const form = within(screen.getByRole("form", { name: "Compte secretaire" }));
    await user.clear(form.getByLabelText("Nom affiché"));
    await user.type(form.getByLabelText("Nom affiché"), "Camille Laurent-Petit");
    await user.clear(form.getByLabelText("Poste téléphonique"));
    await user.type(form.getByLabelText("Poste téléphonique"), "205");
    await user.type(form.getByLabelText("Nouveau mot de passe"), "nouveau-mot-de-passe");
    await user.click(form.getByRole("button", { name: "Enregistrer secretaire" }));
    await waitFor(() => expect(screen.queryByRole("form", { name: "Compte secretaire" })).not.toBeInTheDocument());
    expect(bridge.callsTo("admin.users.update").at(-1)).toEqual({
      id: "90000000-0000-4000-8000-000000000002",
      change: { displayName: "Camille Laurent-Petit", extension: "205", password: "nouveau-mot-de-passe" },
    });
    expect(await table.findByText("205")).toBeInTheDocument();

    // Emptied, the extension is none; an empty password field changes nothing.
    await user.click(table.getByRole("button", { name: "Modifier secretaire" }));
    const again = within(screen.getByRole("form", { name: "Compte secretaire" }));
    await user.clear(again.getByLabelText("Poste téléphonique"));
    await user.click(again.getByRole("button", { name: "Enregistrer secretaire" }));
    await waitFor(() => expect(bridge.callsTo("admin.users.update").at(-1)).toEqual({ id: "90000000-0000-4000-8000-000000000002", change: { displayName: "Camille Laurent-Petit", extension: null } }));
  });

  it("shows a practitioner's account as such, with its practitioners, and offers only the workstations' roles in an account's row", async () => {
    await openAdministration();
    const table = within(screen.getByRole("table", { name: "Comptes de l'agence" }));
    const row = within(table.getByText("p.martin").closest("tr")!);
    expect(row.getByText("Praticien")).toBeInTheDocument();
    expect(row.getByRole("button", { name: "Praticiens de p.martin (1)" })).toBeInTheDocument();
    expect(table.queryByLabelText("Rôle de p.martin")).not.toBeInTheDocument();
    expect(table.queryByRole("button", { name: /^Cabinets de p\.martin/ })).not.toBeInTheDocument();
    const roles = (select: HTMLElement) => within(select).getAllByRole("option").map((option) => option.textContent);
    expect(roles(table.getByLabelText("Rôle de secretaire"))).toEqual(["Secrétaire", "Superviseur", "Administrateur"]);
    const form = within(screen.getByRole("form", { name: "Nouveau compte" }));
    expect(roles(form.getByLabelText("Rôle"))).toEqual(["Secrétaire", "Superviseur", "Administrateur", "Praticien"]);
  });

  it("creates a doctor's account linked to practitioners found by name or practice, with the address of its notices", async () => {
    const { user, bridge } = await openAdministration();
    const form = within(screen.getByRole("form", { name: "Nouveau compte" }));
    await user.type(form.getByLabelText("Identifiant"), "l.petit");
    await user.type(form.getByLabelText("Nom affiché"), "Dr Luc Petit");
    await user.selectOptions(form.getByLabelText("Rôle"), "Praticien");
    expect(form.queryByRole("group", { name: "Cabinets servis" })).not.toBeInTheDocument();
    expect(form.queryByLabelText("Poste téléphonique")).not.toBeInTheDocument();
    const links = within(form.getByRole("group", { name: "Praticiens liés" }));
    expect(links.getByText("Aucun praticien lié : cherchez-le ci-dessous.")).toBeInTheDocument();
    await user.type(links.getByLabelText("Chercher un praticien"), "gare");
    expect(links.getAllByRole("checkbox").map((box) => box.closest("label")!.textContent)).toEqual(["Dr Luc Petit — Maison de santé de la Gare"]);
    await user.click(links.getByRole("checkbox", { name: "Dr Luc Petit — Maison de santé de la Gare" }));
    await user.clear(links.getByLabelText("Chercher un praticien"));
    await user.type(links.getByLabelText("Chercher un praticien"), "hélène");
    expect(links.getByText("Aucun autre praticien ne correspond.")).toBeInTheDocument();
    expect(links.getByRole("checkbox", { name: "Dr Luc Petit — Maison de santé de la Gare" })).toBeChecked();
    await user.type(form.getByLabelText("E-mail des avis"), "l.petit@gare.example");
    await user.type(form.getByLabelText("Mot de passe initial"), "un-mot-de-passe-long");
    await user.click(form.getByRole("button", { name: "Créer le compte" }));
    await waitFor(() =>
      expect(bridge.callsTo("admin.users.create")).toEqual([
        { login: "l.petit", displayName: "Dr Luc Petit", role: "practitioner", password: "un-mot-de-passe-long", practiceIds: [], practitionerIds: [IDS.drGare], email: "l.petit@gare.example" },
      ]),
    );
    const row = within((await screen.findByText("l.petit")).closest("tr")!);
    expect(row.getByRole("button", { name: "Praticiens de l.petit (1)" })).toBeInTheDocument();
  });

  it("changes the practitioners a doctor's account speaks for", async () => {
    const { user, bridge } = await openAdministration();
    const table = within(screen.getByRole("table", { name: "Comptes de l'agence" }));
    await user.click(table.getByRole("button", { name: "Praticiens de p.martin (1)" }));
    const links = within(table.getByRole("group", { name: "Praticiens de p.martin" }));
    expect(links.getByRole("checkbox", { name: "Dr Claire Martin — Cabinet médical des Tilleuls" })).toBeChecked();
    await user.type(links.getByLabelText("Chercher un praticien"), "petit");
    await user.click(links.getByRole("checkbox", { name: "Dr Luc Petit — Maison de santé de la Gare" }));
    await user.click(table.getByRole("button", { name: "Enregistrer les praticiens de p.martin" }));
    await waitFor(() =>
      expect(bridge.callsTo("admin.users.update").at(-1)).toEqual({ id: "90000000-0000-4000-8000-000000000009", change: { practitionerIds: [IDS.drMartin, IDS.drGare] } }),
    );
    expect(await table.findByRole("button", { name: "Praticiens de p.martin (2)" })).toBeInTheDocument();
  });

  it("gives a doctor's account the e-mail address its notices go to; other accounts have none to give", async () => {
    const { user, bridge } = await openAdministration();
    const table = within(screen.getByRole("table", { name: "Comptes de l'agence" }));
    await user.click(table.getByRole("button", { name: "Modifier p.martin" }));
    const form = within(screen.getByRole("form", { name: "Compte p.martin" }));
    await user.type(form.getByLabelText("E-mail des avis"), "  p.martin@cabinet.example ");
    await user.click(form.getByRole("button", { name: "Enregistrer p.martin" }));
    await waitFor(() =>
      expect(bridge.callsTo("admin.users.update").at(-1)).toEqual({ id: "90000000-0000-4000-8000-000000000009", change: { displayName: "Dr Paul Martin", extension: null, email: "p.martin@cabinet.example" } }),
    );
    await user.click(table.getByRole("button", { name: "Modifier secretaire" }));
    expect(within(screen.getByRole("form", { name: "Compte secretaire" })).queryByLabelText("E-mail des avis")).not.toBeInTheDocument();
  });

  it("resets a doctor's second factor after a second click, for a lost phone", async () => {
    const { user, bridge } = await openAdministration();
    const row = within(within(screen.getByRole("table", { name: "Comptes de l'agence" })).getByText("p.martin").closest("tr")!);
    await user.click(row.getByRole("button", { name: "Réinitialiser la double authentification de p.martin" }));
    expect(bridge.callsTo("admin.users.update")).toEqual([]);
    await user.click(row.getByRole("button", { name: "Confirmer : réinitialiser la double authentification de p.martin" }));
    await waitFor(() => expect(bridge.callsTo("admin.users.update")).toEqual([{ id: "90000000-0000-4000-8000-000000000009", change: { resetSecondFactor: true } }]));
    expect(await row.findByText("Double authentification réinitialisée")).toBeInTheDocument();
  });

  it("offers no revocation of the workstation in use, nor of a closed session", async () => {
    const { user, bridge } = await openAdministration();
    const base = bridge.data.agency.devices[0]!;
    bridge.data.agency.devices = [
      base,
      { ...base, id: "91000000-0000-4000-8000-000000000002", userLogin: "admin", name: "POSTE-ADMIN", current: true },
      { ...base, id: "91000000-0000-4000-8000-000000000003", name: "POSTE-FERME", closedAt: "2026-11-23T18:00:00.000Z" },
    ];
    const tabs = within(screen.getByRole("tablist", { name: "Rubriques de l'administration" }));
    await user.click(tabs.getByRole("tab", { name: "Postes" }));
    expect(await screen.findByRole("button", { name: "Révoquer POSTE-ACCUEIL-2" })).toBeInTheDocument();
    expect(screen.getByText(/\(ce poste\)/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Révoquer POSTE-ADMIN" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Révoquer POSTE-FERME" })).not.toBeInTheDocument();
    expect(screen.getByText(/^Session fermée le 23\/11\/2026/)).toBeInTheDocument();
  });

  it("renames a workstation in place: focus in the field, Échap gives up, Enter saves", async () => {
    const { user, bridge } = await openAdministration();
    const tabs = within(screen.getByRole("tablist", { name: "Rubriques de l'administration" }));
    await user.click(tabs.getByRole("tab", { name: "Postes" }));
    await user.click(await screen.findByRole("button", { name: "Renommer POSTE-ACCUEIL-2" }));
    expect(screen.getByLabelText("Nom du poste")).toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.getByRole("button", { name: "Renommer POSTE-ACCUEIL-2" })).toHaveFocus());

    await user.click(screen.getByRole("button", { name: "Renommer POSTE-ACCUEIL-2" }));
    await user.clear(screen.getByLabelText("Nom du poste"));
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("Nom non enregistré : Nom du poste manquant");
    expect(bridge.callsTo("admin.devices.rename")).toEqual([]);
    await user.type(screen.getByLabelText("Nom du poste"), "Accueil 2 — Lyon{Enter}");
    await waitFor(() => expect(bridge.callsTo("admin.devices.rename")).toEqual([{ id: "91000000-0000-4000-8000-000000000001", name: "Accueil 2 — Lyon" }]));
    expect(await screen.findByRole("button", { name: "Renommer Accueil 2 — Lyon" })).toHaveFocus();
  });

  it("revokes a workstation after a second click, and pages through the audit trail", async () => {
    const { user, bridge } = await openAdministration();
    bridge.data.agency.audit = Array.from({ length: 60 }, (_, index) => ({
      id: `92000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      at: new Date(Date.parse("2026-11-24T09:00:00Z") - index * 60_000).toISOString(),
      userId: "90000000-0000-4000-8000-000000000002",
      deviceId: null,
      practiceId: IDS.tilleuls,
      action: "patient.search",
      entity: "patient",
      entityId: null,
      details: {},
    }));
    const tabs = within(screen.getByRole("tablist", { name: "Rubriques de l'administration" }));
    await user.click(tabs.getByRole("tab", { name: "Postes" }));
    await user.click(await screen.findByRole("button", { name: "Révoquer POSTE-ACCUEIL-2" }));
    expect(bridge.callsTo("admin.devices.revoke")).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Confirmer la révocation de POSTE-ACCUEIL-2" }));
    await waitFor(() => expect(bridge.callsTo("admin.devices.revoke")).toEqual([{ id: "91000000-0000-4000-8000-000000000001" }]));
    expect(await screen.findByText(/^Révoqué le 24\/11\/2026/)).toBeInTheDocument();

    tabs.getByRole("tab", { name: "Postes" }).focus();
    // Cabinets, Courriels, SMS, Facturation, then the audit trail.
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(tabs.getByRole("tab", { name: "Journal d'audit" })).toHaveAttribute("aria-selected", "true");
    expect(tabs.getByRole("tab", { name: "Journal d'audit" })).toHaveFocus();
    await user.type(screen.getByLabelText("Action"), "patient.search");
    await user.click(screen.getByRole("button", { name: "Rechercher" }));
    const events = await screen.findByRole("table", { name: "Évènements du journal" });
    expect(within(events).getAllByRole("row")).toHaveLength(51);
    expect(within(events).getAllByText("Camille Laurent")).toHaveLength(50);
    await user.click(screen.getByRole("button", { name: "Évènements plus anciens" }));
    await waitFor(() => expect(within(screen.getByRole("table", { name: "Évènements du journal" })).getAllByRole("row")).toHaveLength(61));
    expect(screen.queryByRole("button", { name: "Évènements plus anciens" })).not.toBeInTheDocument();
  });

  it("makes a practitioner's calendar address, shows it once, selected for copying, and revokes it after a confirmation", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    await screen.findByRole("form", { name: "Fiche du cabinet" });
    // Nothing is asked of the server until the administrator opens it.
    expect(bridge.callsTo("admin.calendarFeeds.list")).toEqual([]);
    await user.click(screen.getByText("Agenda de Dr Claire Martin dans son application de calendrier"));
    await waitFor(() => expect(bridge.callsTo("admin.calendarFeeds.list")).toEqual([{ practitionerId: IDS.drMartin }]));

    await user.click(await screen.findByRole("button", { name: "Créer une adresse d'agenda pour Dr Claire Martin" }));
    const address = await screen.findByLabelText("Adresse à transmettre au praticien (elle ne sera plus affichée)");
    expect(address).toHaveValue(`https://agence.example.fr/ics/${"1".repeat(43)}.ics`);
    expect(address).toHaveFocus();
    expect((address as HTMLInputElement).selectionStart).toBe(0);
    expect((address as HTMLInputElement).selectionEnd).toBe((address as HTMLInputElement).value.length);
    expect(bridge.callsTo("admin.calendarFeeds.create")).toEqual([{ practitionerId: IDS.drMartin }]);

    const feeds = within(await screen.findByRole("list", { name: "Adresses d'agenda de Dr Claire Martin" }));
    await user.click(feeds.getByRole("button", { name: "Révoquer l'adresse créée le 24/11/2026 à 11:00" }));
    expect(bridge.callsTo("admin.calendarFeeds.revoke")).toEqual([]);
    await user.click(feeds.getByRole("button", { name: "Confirmer la révocation de l'adresse créée le 24/11/2026 à 11:00" }));
    await waitFor(() => expect(bridge.callsTo("admin.calendarFeeds.revoke")).toEqual([{ id: "9a000000-0000-4000-8000-000000000001" }]));
    expect(await screen.findByText("Créée le 24/11/2026 à 11:00 — révoquée le 24/11/2026 à 12:00")).toBeInTheDocument();
  });

  it("says in French when a calendar address cannot be made", async () => {
    const { user, bridge } = await openAdministration();
    bridge.failures["admin.calendarFeeds.create"] = "Serveur de l'agence injoignable";
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    await screen.findByRole("form", { name: "Fiche du cabinet" });
    await user.click(screen.getByText("Agenda de Dr Claire Martin dans son application de calendrier"));
    await user.click(await screen.findByRole("button", { name: "Créer une adresse d'agenda pour Dr Claire Martin" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Dr Claire Martin : Serveur de l'agence injoignable");
    expect(screen.queryByLabelText("Adresse à transmettre au praticien (elle ne sera plus affichée)")).not.toBeInTheDocument();
  });

  it("edits a practice: its card, a practitioner's policy, a motif, and its consignes", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    const card = within(await screen.findByRole("form", { name: "Fiche du cabinet" }));
    await user.clear(card.getByLabelText("Accès"));
    await user.type(card.getByLabelText("Accès"), "Rez-de-chaussée, code 7788.");
    await user.click(card.getByRole("button", { name: "Enregistrer la fiche" }));
    await waitFor(() => expect(bridge.callsTo("admin.records.update")).toHaveLength(1));
    expect(bridge.callsTo("admin.records.update")[0]).toMatchObject({ kind: "practice", id: IDS.tilleuls, change: { accessNotes: "Rez-de-chaussée, code 7788.", name: "Cabinet médical des Tilleuls" } });
    expect(await screen.findByText("Fiche du cabinet : enregistré.")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText(/^Dr Jean Dupont — nouveaux patients/), "N'accepte pas de nouveaux patients");
    await waitFor(() => expect(bridge.callsTo("admin.records.update").at(-1)).toEqual({ kind: "practitioner", id: IDS.drDupont, change: { acceptsNewPatients: "non" } }));

    const hours = within(screen.getByRole("form", { name: "Horaires de Dr Claire Martin" }));
    expect(hours.getByLabelText("Horaires de la semaine")).toHaveValue("lun 08:00-12:00");
    await user.type(hours.getByLabelText("Horaires de la semaine"), " ; mer 14:00-18:00");
    await user.click(hours.getByRole("button", { name: "Enregistrer les horaires" }));
    await waitFor(() =>
      expect(bridge.callsTo("admin.records.update").at(-1)).toEqual({
        kind: "practitioner",
        id: IDS.drMartin,
        change: { workingHours: [{ weekday: 1, start: "08:00", end: "12:00" }, { weekday: 3, start: "14:00", end: "18:00" }] },
      }),
    );

    const absence = within(screen.getByRole("form", { name: "Nouvelle absence de Dr Claire Martin" }));
    await user.type(absence.getByLabelText("Premier jour"), "2026-12-24");
    await user.type(absence.getByLabelText("Dernier jour"), "2026-12-20");
    await user.click(absence.getByRole("button", { name: "Ajouter l'absence" }));
    expect(absence.getByRole("alert")).toHaveTextContent("Le dernier jour d'absence doit suivre le premier.");
    await user.clear(absence.getByLabelText("Dernier jour"));
    await user.type(absence.getByLabelText("Dernier jour"), "2027-01-02");
    bridge.data.agency.coveredByAbsence = [
      { appointmentId: "50000000-0000-4000-8000-0000000000c1", startAt: "2026-12-28T08:15:00.000Z", patientName: "DURAND Hélène" },
      { appointmentId: "50000000-0000-4000-8000-0000000000c2", startAt: "2026-12-29T13:00:00.000Z", patientName: "LEFÈVRE Marc" },
    ];
    await user.click(absence.getByRole("button", { name: "Ajouter l'absence" }));
    // The appointments it covers are listed, their patients now to call back (the server left the messages).
    const covered = await screen.findByRole("list", { name: "Rendez-vous pendant l'absence" });
    expect(within(covered).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["lun. 28 déc. 09:15 — DURAND Hélène", "mar. 29 déc. 14:00 — LEFÈVRE Marc"]);
    expect(screen.getByText(/2 rendez-vous sont pris pendant cette absence : chaque patient est à rappeler/)).toBeInTheDocument();
    await waitFor(() =>
      expect(bridge.callsTo("admin.records.update").at(-1)).toEqual({
        kind: "practitioner",
        id: IDS.drMartin,
        change: { absences: [{ from: "2026-12-23T23:00:00Z", to: "2027-01-02T23:00:00Z", reason: "conges" }] },
      }),
    );

    const bilan = within(screen.getByRole("form", { name: "Motif Bilan sanguin (Dr Claire Martin)" }));
    await user.clear(bilan.getByLabelText("Durée (minutes)"));
    await user.type(bilan.getByLabelText("Durée (minutes)"), "10");
    await user.click(bilan.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(bridge.callsTo("admin.records.update").at(-1)).toMatchObject({ kind: "motif", change: { durationMinutes: 10, patientInstructions: "Venir à jeun depuis la veille au soir." } }));

    const urgent = await screen.findByRole("button", { name: "Terminer « Urgence vitale »" });
    await user.click(urgent);
    await waitFor(() => expect(bridge.callsTo("admin.records.update").at(-1)).toMatchObject({ kind: "directive", change: { validTo: expect.any(String) } }));

    expect(bridge.violations).toEqual([]);
  });

  it("adds a practitioner, a motif and a consigne to the practice shown", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    await screen.findByRole("form", { name: "Fiche du cabinet" });
    await user.click(screen.getByText("Nouveau praticien", { selector: "summary" }));
    const newcomer = within(screen.getByRole("form", { name: "Nouveau praticien" }));
    await user.type(newcomer.getByLabelText("Prénom"), "Inès");
    await user.type(newcomer.getByLabelText("Nom"), "Garnier");
    await user.type(newcomer.getByLabelText("Spécialité"), "Pédiatre");
    await user.selectOptions(newcomer.getByLabelText("Nouveaux patients"), "demander_au_medecin");
    await user.click(newcomer.getByRole("button", { name: "Ajouter le praticien" }));
    await user.click(screen.getByText("Nouveau motif", { selector: "summary" }));
    const motif = within(screen.getByRole("form", { name: "Nouveau motif" }));
    await user.selectOptions(motif.getByLabelText("Praticien"), IDS.drDupont);
    await user.type(motif.getByLabelText("Libellé"), "Vaccination");
    await user.clear(motif.getByLabelText("Durée (minutes)"));
    await user.type(motif.getByLabelText("Durée (minutes)"), "15");
    await user.click(motif.getByRole("button", { name: "Ajouter le motif" }));
    await waitFor(() => expect(bridge.callsTo("admin.records.create")).toHaveLength(2));
    expect(bridge.callsTo("admin.records.create")).toEqual([
      {
        kind: "practitioner",
        fields: { practiceId: IDS.tilleuls, title: "Dr", firstName: "Inès", lastName: "Garnier", specialty: "Pédiatre", acceptsNewPatients: "demander_au_medecin", workingHours: [], color: "#2563eb" },
      },
      { kind: "motif", fields: { practitionerId: IDS.drDupont, label: "Vaccination", durationMinutes: 15, color: "#bfdbfe", allowedForNewPatients: true, minNoticeMinutes: 0 } },
    ]);

    const form = within(screen.getByRole("form", { name: "Nouvelle consigne" }));
    await user.selectOptions(form.getByLabelText("Catégorie"), "Transfert");
    await user.type(form.getByLabelText("Titre"), "Laboratoire");
    await user.type(form.getByLabelText("Texte"), "Passer les appels du laboratoire au Dr Martin.");
    await user.click(form.getByRole("button", { name: "Ajouter la consigne" }));
    await waitFor(() =>
      expect(bridge.callsTo("admin.records.create").slice(2)).toEqual([
        {
          kind: "directive",
          fields: {
            practiceId: IDS.tilleuls,
            practitionerId: null,
            category: "transfert",
            title: "Laboratoire",
            text: "Passer les appels du laboratoire au Dr Martin.",
            priority: 0,
            validFrom: null,
            validTo: null,
            flags: {},
          },
        },
      ]),
    );
    expect(bridge.violations).toEqual([]);
  });

  it("sets the practice's on-call doctor or service, says what is wrong, and removes it when emptied", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    const form = within(await screen.findByRole("form", { name: "Médecin de garde" }));
    expect(form.getByLabelText("Médecin ou service de garde")).toHaveValue("Dr Anne Garde");

    await user.clear(form.getByLabelText("Médecin ou service de garde"));
    await user.type(form.getByLabelText("Médecin ou service de garde"), "Permanence des soins (116 117)");
    await user.clear(form.getByLabelText("Numéro de garde"));
    await user.type(form.getByLabelText("Numéro de garde"), "cent seize");
    await user.click(form.getByRole("button", { name: "Enregistrer le médecin de garde" }));
    expect(await form.findByRole("alert")).toHaveTextContent("Numéro du médecin de garde invalide");
    expect(bridge.callsTo("admin.records.update")).toEqual([]);

    await user.clear(form.getByLabelText("Numéro de garde"));
    await user.type(form.getByLabelText("Numéro de garde"), "116 117");
    await user.click(form.getByRole("button", { name: "Enregistrer le médecin de garde" }));
    await waitFor(() => expect(bridge.callsTo("admin.records.update")).toHaveLength(1));
    expect(bridge.callsTo("admin.records.update")[0]).toEqual({
      kind: "practice",
      id: IDS.tilleuls,
      change: { onCall: { name: "Permanence des soins (116 117)", phone: "116 117", hours: "Le soir de 20 h à minuit, le week-end" } },
    });

    for (const label of ["Médecin ou service de garde", "Numéro de garde", "Horaires de garde"]) await user.clear(form.getByLabelText(label));
    await user.click(form.getByRole("button", { name: "Enregistrer le médecin de garde" }));
    await waitFor(() => expect(bridge.callsTo("admin.records.update")).toHaveLength(2));
    expect(bridge.callsTo("admin.records.update")[1]).toEqual({ kind: "practice", id: IDS.tilleuls, change: { onCall: null } });
  });

  it("sets the hour of the day summary e-mailed to the practice's doctors, and takes it away", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    const form = within(await screen.findByRole("form", { name: "Bilan de la journée aux médecins" }));
    const hour = form.getByLabelText("Envoyé par courriel à");
    expect(hour).toHaveValue("");
    expect(hour).toHaveAccessibleDescription(/en nombres seulement/);
    await user.selectOptions(hour, "19 h");
    await user.click(form.getByRole("button", { name: "Enregistrer le bilan" }));
    await waitFor(() => expect(bridge.callsTo("admin.practices.daySummary")).toEqual([{ practiceId: IDS.tilleuls, hour: 19 }]));
    expect(await screen.findByText("Bilan de la journée : enregistré.")).toBeInTheDocument();
    // Read again from the server with the practice.
    await waitFor(() => expect(within(screen.getByRole("form", { name: "Bilan de la journée aux médecins" })).getByLabelText("Envoyé par courriel à")).toHaveValue("19"));

    const again = within(screen.getByRole("form", { name: "Bilan de la journée aux médecins" }));
    await user.selectOptions(again.getByLabelText("Envoyé par courriel à"), "Aucun bilan");
    await user.click(again.getByRole("button", { name: "Enregistrer le bilan" }));
    await waitFor(() => expect(bridge.callsTo("admin.practices.daySummary")).toHaveLength(2));
    expect(bridge.callsTo("admin.practices.daySummary")[1]).toEqual({ practiceId: IDS.tilleuls, hour: null });
  });

  it("sets how soon each kind of callback is due for the practice; « par défaut » names the agency's rule", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    const form = within(await screen.findByRole("form", { name: "Délais de rappel" }));
    const waitlist = form.getByLabelText("Créneau libéré (liste d'attente)");
    expect(waitlist).toHaveValue("");
    expect(within(waitlist).getByRole("option", { selected: true })).toHaveTextContent("Par défaut (dans les 30 min)");
    await user.selectOptions(waitlist, "dans les 15 min");
    await user.selectOptions(form.getByLabelText("Réponse du médecin"), "le jour ouvré suivant");
    await user.click(form.getByRole("button", { name: "Enregistrer les délais" }));
    await waitFor(() =>
      expect(bridge.callsTo("admin.records.update")).toEqual([
        { kind: "practice", id: IDS.tilleuls, change: { callbackDelays: { liste_attente: { rule: "minutes", minutes: 15 }, reponse_medecin: { rule: "jour_ouvre_suivant" } } } },
      ]),
    );
    expect(await screen.findByText("Délais de rappel : enregistré.")).toBeInTheDocument();
  });

  it("lists the doctors' notices not sent, the relay's answer beside those given up, and sends one again", async () => {
    const { user, bridge } = await openAdministration();
    bridge.data.agency.notifications = [
      { id: "98000000-0000-4000-8000-000000000001", kind: "urgent_message", userLogin: "p.martin", userName: "Dr Paul Martin", createdAt: "2026-12-04T09:15:00.000Z", attempts: 9, lastError: "451 Relais occupé", failedAt: "2026-12-04T11:20:00.000Z" },
      { id: "98000000-0000-4000-8000-000000000002", kind: "message_digest", userLogin: "p.martin", userName: "Dr Paul Martin", createdAt: "2026-12-04T11:00:00.000Z", attempts: 1, lastError: null, failedAt: null },
    ];
    await user.click(screen.getByRole("tab", { name: "Courriels" }));
    const table = within(await screen.findByRole("table", { name: "Avis non envoyés" }));
    const rows = table.getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Dr Paul Martin (p.martin)", "Message urgent", "04/12/2026 à 10:15", "9", "Abandonné le 04/12/2026 à 12:20 Renvoyer l'avis à Dr Paul Martin", "451 Relais occupé"],
      ["Dr Paul Martin (p.martin)", "Résumé des messages", "04/12/2026 à 12:00", "1", "En attente d'envoi", "—"],
    ]);
    await user.click(table.getByRole("button", { name: "Renvoyer l'avis à Dr Paul Martin" }));
    expect(bridge.callsTo("admin.notifications.retry")).toEqual([{ id: "98000000-0000-4000-8000-000000000001" }]);
    expect(await screen.findByText("Avis à Dr Paul Martin remis en envoi : il part dans la minute.")).toBeInTheDocument();
    expect(await table.findAllByText("En attente d'envoi")).toHaveLength(2);
  });

  it("lists the patients' SMS in failure with the gateway's words, and sends one of an appointment to come again", async () => {
    const { user, bridge } = await openAdministration();
    bridge.data.agency.failedSms = [
      { id: "5b000000-0000-4000-8000-000000000001", practiceId: IDS.tilleuls, practiceName: "Cabinet médical des Tilleuls", kind: "confirmation", appointmentStartAt: "2031-11-24T09:00:00.000Z", failedAt: "2031-11-19T09:00:05.000Z", reason: "Brevo a refusé le SMS (401 : Key not found)." },
      { id: "5b000000-0000-4000-8000-000000000002", practiceId: IDS.tilleuls, practiceName: "Cabinet médical des Tilleuls", kind: "reminder", appointmentStartAt: "2031-11-18T09:00:00.000Z", failedAt: "2031-11-16T17:00:05.000Z", reason: "Brevo : SMS non remis (numéro injoignable)." },
    ];
    await user.click(screen.getByRole("tab", { name: "SMS" }));
    const table = within(await screen.findByRole("table", { name: "SMS en échec" }));
    const rows = table.getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Cabinet médical des Tilleuls", "Confirmation", "24/11/2031 à 10:00", "19/11/2031 à 10:00", "Brevo a refusé le SMS (401 : Key not found).", "Renvoyer le SMS du 24/11/2031 à 10:00"],
      ["Cabinet médical des Tilleuls", "Rappel", "18/11/2031 à 10:00", "16/11/2031 à 18:00", "Brevo : SMS non remis (numéro injoignable).", "Rendez-vous passé"],
    ]);
    await user.click(table.getByRole("button", { name: "Renvoyer le SMS du 24/11/2031 à 10:00" }));
    expect(bridge.callsTo("admin.sms.retry")).toEqual([{ id: "5b000000-0000-4000-8000-000000000001" }]);
    expect(await screen.findByText("Confirmation du rendez-vous du 24/11/2031 à 10:00 (Cabinet médical des Tilleuls) remis en envoi : il part aussitôt dans les heures d'envoi.")).toBeInTheDocument();
    await waitFor(() => expect(table.getAllByRole("row")).toHaveLength(2));
  });

  it("sets the practice's SMS to its patients: a template is measured and checked as it is typed, and saved whole", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    const form = within(await screen.findByRole("form", { name: "SMS aux patients" }));
    const reminder = await form.findByLabelText("Modèle : Rappel");
    expect(reminder).toHaveAccessibleDescription(/^1 SMS \(\d+ caractères avec un exemple ; alphabet GSM\)$/);

    await user.clear(reminder);
    await user.type(reminder, "Vous êtes attendu le {{date} pour votre {{motif}");
    expect(reminder).toHaveAccessibleDescription(/alphabet étendu à cause de « ê »/);
    expect(reminder).toHaveAccessibleDescription(/\{motif\} ne peut pas figurer dans un SMS : c'est une donnée de santé\./);
    await user.click(form.getByRole("button", { name: "Enregistrer les SMS" }));
    expect(await form.findByRole("alert")).toHaveTextContent("Rappel : {motif} ne peut pas figurer dans un SMS");
    expect(bridge.callsTo("admin.practices.saveSms")).toEqual([]);

    await user.clear(reminder);
    await user.type(reminder, "Rappel : RDV le {{date} à {{heure} avec {{praticien}.");
    expect(reminder).toHaveAccessibleDescription(/ce cabinet a choisi de ne pas nommer le praticien/);
    await user.click(form.getByRole("checkbox", { name: /^Nommer le praticien dans les SMS/ }));
    expect(reminder).not.toHaveAttribute("aria-invalid", "true");
    await user.click(form.getByRole("checkbox", { name: /^Annulation/ }));
    await user.selectOptions(form.getByLabelText("Heure des rappels"), "12 h");
    await user.type(form.getByLabelText("Nom d'expéditeur"), "Tilleuls");
    await user.click(form.getByRole("button", { name: "Enregistrer les SMS" }));
    await waitFor(() => expect(bridge.callsTo("admin.practices.saveSms")).toHaveLength(1));
    expect(bridge.callsTo("admin.practices.saveSms")[0]).toMatchObject({
      practiceId: IDS.tilleuls,
      settings: { kinds: { confirmation: true, reminder: true, cancellation: false }, reminderHour: 12, senderName: "Tilleuls", practitionerNamed: true, templates: { reminder: "Rappel : RDV le {date} à {heure} avec {praticien}." } },
    });
    expect(await screen.findByText("SMS aux patients : enregistré.")).toBeInTheDocument();
  });

  it("sets when the agency covers the practice and what to say then, refusing two coverages at once", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    const form = within(await screen.findByRole("form", { name: "Couverture du cabinet" }));
    await user.clear(form.getByLabelText("Plages — Débordement"));
    await user.type(form.getByLabelText("Plages — Débordement"), "lun 12:00-14:00 ; mar 12:00-14:00");
    await user.clear(form.getByLabelText("Plages — Hors horaires"));
    await user.type(form.getByLabelText("Plages — Hors horaires"), "lun 13:00-20:00");
    await user.click(form.getByRole("button", { name: "Enregistrer la couverture" }));
    expect(await form.findByRole("alert")).toHaveTextContent("se chevauchent");
    expect(bridge.callsTo("admin.records.update")).toEqual([]);

    await user.clear(form.getByLabelText("Plages — Hors horaires"));
    await user.type(form.getByLabelText("Plages — Hors horaires"), "lun 19:00-23:59");
    await user.clear(form.getByLabelText("Accueil — Hors horaires"));
    await user.type(form.getByLabelText("Accueil — Hors horaires"), "Le cabinet est fermé ; je prends votre message.");
    await user.click(form.getByRole("button", { name: "Enregistrer la couverture" }));
    await waitFor(() => expect(bridge.callsTo("admin.records.update")).toHaveLength(1));
    expect(bridge.callsTo("admin.records.update")[0]).toMatchObject({
      kind: "practice",
      id: IDS.tilleuls,
      change: {
        coverageSchedule: [
          { weekday: 1, start: "12:00", end: "14:00", mode: "debordement" },
          { weekday: 1, start: "19:00", end: "23:59", mode: "hors_horaires" },
          { weekday: 2, start: "12:00", end: "14:00", mode: "debordement" },
        ],
        greetings: expect.objectContaining({ hors_horaires: "Le cabinet est fermé ; je prends votre message." }),
      },
    });
  });

  it("corrects a practitioner's identity, a motif's label and colour, and a consigne's words and priority", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    await user.click(await screen.findByText("Identité de Dr Claire Martin", { selector: "summary" }));
    const identity = within(screen.getByRole("form", { name: "Identité de Dr Claire Martin" }));
    await user.clear(identity.getByLabelText("Nom"));
    await user.type(identity.getByLabelText("Nom"), "Martin-Leroy");
    await user.clear(identity.getByLabelText("Spécialité"));
    await user.type(identity.getByLabelText("Spécialité"), "Médecine générale et du sport");
    await user.click(identity.getByRole("button", { name: "Enregistrer l'identité de Dr Claire Martin" }));
    await waitFor(() =>
      expect(bridge.callsTo("admin.records.update").at(-1)).toEqual({
        kind: "practitioner",
        id: IDS.drMartin,
        change: expect.objectContaining({ title: "Dr", firstName: "Claire", lastName: "Martin-Leroy", specialty: "Médecine générale et du sport" }),
      }),
    );

    const bilan = within(screen.getByRole("form", { name: "Motif Bilan sanguin (Dr Claire Martin)" }));
    await user.clear(bilan.getByLabelText("Libellé"));
    await user.type(bilan.getByLabelText("Libellé"), "Prise de sang");
    await user.click(bilan.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() => expect(bridge.callsTo("admin.records.update").at(-1)).toMatchObject({ kind: "motif", change: { label: "Prise de sang" } }));

    await user.click(screen.getByText("Modifier « Urgence vitale »", { selector: "summary" }));
    const consigne = within(screen.getByRole("form", { name: "Consigne Urgence vitale" }));
    await user.clear(consigne.getByLabelText("Priorité"));
    await user.type(consigne.getByLabelText("Priorité"), "beaucoup");
    await user.click(consigne.getByRole("button", { name: "Enregistrer la consigne" }));
    expect(await consigne.findByText("Priorité : un nombre entier de 0 à 1 000.")).toBeInTheDocument();
    await user.clear(consigne.getByLabelText("Priorité"));
    await user.type(consigne.getByLabelText("Priorité"), "120");
    await user.click(consigne.getByRole("button", { name: "Enregistrer la consigne" }));
    await waitFor(() => expect(bridge.callsTo("admin.records.update").at(-1)).toMatchObject({ kind: "directive", change: { title: "Urgence vitale", priority: 120 } }));
  });

  it("removes a practitioner or a motif only on a second click", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    await user.click(await screen.findByRole("button", { name: "Retirer Dr Claire Martin" }));
    expect(bridge.callsTo("admin.records.remove")).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Confirmer le retrait de Dr Claire Martin et de ses motifs" }));
    await waitFor(() => expect(bridge.callsTo("admin.records.remove")).toEqual([{ kind: "practitioner", id: IDS.drMartin }]));
    expect(await screen.findByText("Dr Claire Martin : enregistré.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Retirer le motif Bilan sanguin (Dr Claire Martin)" }));
    await user.click(screen.getByRole("button", { name: "Confirmer le retrait du motif Bilan sanguin (Dr Claire Martin)" }));
    await waitFor(() => expect(bridge.callsTo("admin.records.remove").at(-1)).toEqual({ kind: "motif", id: expect.any(String) }));
  });

  it("gives a new consigne its priority, its days in force and what it asks, refuses days out of order, and sets a motif's rules", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    const form = within(await screen.findByRole("form", { name: "Nouvelle consigne" }));
    await user.selectOptions(form.getByLabelText("Catégorie"), "Urgence");
    await user.type(form.getByLabelText("Titre"), "Remplacement");
    await user.type(form.getByLabelText("Texte"), "Dr Martin absent : urgences au Dr Dupont.");
    await user.clear(form.getByLabelText("Priorité"));
    await user.type(form.getByLabelText("Priorité"), "90");
    await user.type(form.getByLabelText("En vigueur à partir du"), "2026-12-20");
    await user.type(form.getByLabelText("Jusqu'au (inclus)"), "2026-12-10");
    await user.click(form.getByLabelText("Orienter vers le 15 (SAMU)"));
    await user.click(form.getByRole("button", { name: "Ajouter la consigne" }));
    expect(await form.findByText("Le dernier jour de validité doit suivre le premier.")).toBeInTheDocument();
    expect(bridge.callsTo("admin.records.create")).toEqual([]);

    await user.clear(form.getByLabelText("Jusqu'au (inclus)"));
    await user.type(form.getByLabelText("Jusqu'au (inclus)"), "2027-01-12");
    await user.click(form.getByRole("button", { name: "Ajouter la consigne" }));
    await waitFor(() =>
      expect(bridge.callsTo("admin.records.create")).toEqual([
        {
          kind: "directive",
          fields: expect.objectContaining({
            category: "urgence",
            priority: 90,
            // Paris midnights: winter time, UTC+1.
            validFrom: "2026-12-19T23:00:00Z",
            validTo: "2027-01-12T23:00:00Z",
            flags: { redirectToSamu: true },
          }),
        },
      ]),
    );

    const bilan = within(screen.getByRole("form", { name: "Motif Bilan sanguin (Dr Claire Martin)" }));
    await user.clear(bilan.getByLabelText("Délai minimum (heures)"));
    await user.type(bilan.getByLabelText("Délai minimum (heures)"), "1,5");
    // The blood test is closed to new patients (fixtures): opened here.
    expect(bilan.getByLabelText("Ouvert aux nouveaux patients")).not.toBeChecked();
    await user.click(bilan.getByLabelText("Ouvert aux nouveaux patients"));
    await user.click(bilan.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() =>
      expect(bridge.callsTo("admin.records.update").at(-1)).toMatchObject({ kind: "motif", change: { minNoticeMinutes: 90, allowedForNewPatients: true } }),
    );
  });

  it("creates a practice with its number, without taking it into the administrator's account, and gives it to another account", async () => {
    const { user, bridge } = await openAdministration();
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    await user.click(await screen.findByText("Nouveau cabinet", { selector: "summary" }));
    const form = within(screen.getByRole("form", { name: "Nouveau cabinet" }));
    await user.type(form.getByLabelText("Nom"), "Cabinet du Port");
    await user.type(form.getByLabelText("Rue"), "2 quai Nord");
    await user.type(form.getByLabelText("Code postal"), "56100");
    await user.type(form.getByLabelText("Ville"), "Lorient");
    await user.type(form.getByLabelText("Accueil à dire"), "Cabinet du Port, bonjour.");
    await user.type(form.getByLabelText("Numéro appelé"), "02 97 00 11 22");
    // The server now has it (the fake serves the agency's practices from its own list).
    const port = { ...bridge.data.practices[0]!, id: "94000000-0000-4000-8000-000000000001", name: "Cabinet du Port", dialledNumbers: ["+33297001122"], practitioners: [] };
    bridge.data.practices.push(port);
    await user.click(form.getByRole("button", { name: "Créer le cabinet" }));
    await waitFor(() => expect(bridge.callsTo("admin.dialledNumbers.add")).toHaveLength(1));
    expect(await screen.findByText("Nouveau cabinet : enregistré.", undefined, { timeout: 5_000 })).toBeInTheDocument();
    expect(bridge.callsTo("admin.records.create")).toEqual([
      { kind: "practice", fields: { name: "Cabinet du Port", kind: "cabinet", address: { street: "2 quai Nord", postalCode: "56100", city: "Lorient" }, greetings: { default: "Cabinet du Port, bonjour." } } },
    ]);
    expect(bridge.callsTo("admin.dialledNumbers.add")).toEqual([{ practiceId: port.id, number: "02 97 00 11 22" }]);
    // Data minimisation: the administrator's account is not given the practice (nor its patients).
    expect(bridge.callsTo("admin.users.update")).toEqual([]);
    // The new practice is the one shown for editing.
    await waitFor(() => expect(bridge.callsTo("admin.practices.get").at(-1)).toEqual({ practiceId: port.id }));

    await user.click(screen.getByRole("tab", { name: "Comptes" }));
    await user.click(await screen.findByRole("button", { name: "Cabinets de secretaire (2)" }));
    const practices = within(screen.getByRole("group", { name: "Cabinets de secretaire" }));
    await user.click(practices.getByLabelText("Maison de santé de la Gare"));
    await user.click(practices.getByLabelText("Cabinet du Port"));
    await user.click(practices.getByRole("button", { name: "Enregistrer les cabinets de secretaire" }));
    await waitFor(() => expect(bridge.callsTo("admin.users.update").at(-1)).toEqual({ id: "90000000-0000-4000-8000-000000000002", change: { practiceIds: [IDS.tilleuls, port.id] } }));
  });

  it("lists the practice's numbers, adds one and removes one after a second click, and shows ended and future consignes", async () => {
    const { user, bridge } = await openAdministration();
    const now = Date.parse(FIXTURE_NOW);
    bridge.data.directives.push(
      { ...bridge.data.directives[0]!, id: "97000000-0000-4000-8000-000000000001", title: "Ancienne", validFrom: null, validTo: new Date(now - 86_400_000).toISOString() },
      { ...bridge.data.directives[0]!, id: "97000000-0000-4000-8000-000000000002", title: "Prochaine", validFrom: new Date(now + 5 * 86_400_000).toISOString(), validTo: null },
    );
    await user.click(screen.getByRole("tab", { name: "Cabinets" }));
    const numbers = within(await screen.findByRole("list", { name: "Numéros du cabinet" }));
    expect(numbers.getAllByRole("listitem")).toHaveLength(1);
    await user.click(numbers.getByRole("button", { name: /^Retirer le numéro 04 78 00 00 01$/ }));
    await user.click(numbers.getByRole("button", { name: "Confirmer : le 04 78 00 00 01 ne sonnera plus pour ce cabinet" }));
    await waitFor(() => expect(bridge.callsTo("admin.dialledNumbers.remove")).toEqual([{ id: "96000000-0000-4000-8000-000000000001" }]));
    const add = within(screen.getByRole("form", { name: "Nouveau numéro" }));
    await user.type(add.getByLabelText("Numéro à ajouter"), "04 78 00 00 09");
    await user.type(add.getByLabelText("Libellé du numéro"), "Urgences");
    await user.click(add.getByRole("button", { name: "Ajouter le numéro" }));
    await waitFor(() => expect(bridge.callsTo("admin.dialledNumbers.add")).toEqual([{ practiceId: IDS.tilleuls, number: "04 78 00 00 09", label: "Urgences" }]));

    const consignes = within(screen.getByRole("list", { name: "Consignes du cabinet" }));
    expect(consignes.getByText(/Ancienne \(priorité \d+ ; terminée le /)).toBeInTheDocument();
    expect(consignes.queryByRole("button", { name: "Terminer « Ancienne »" })).not.toBeInTheDocument();
    expect(consignes.getByText(/Prochaine \(priorité \d+ ; à partir du /)).toBeInTheDocument();
    expect(consignes.getByRole("button", { name: "Terminer « Prochaine »" })).toBeInTheDocument();
  });

  it("goes back to the calls when a call rings", async () => {
    const { bridge } = await openAdministration();
    act(() =>
      bridge.emit("call.telephony", {
        event: "ringing", callId: "93000000-0000-4000-8000-000000000001", externalCallId: "x-1", dialledNumber: "+33478000001", callerNumber: "+33612345678",
        practiceId: IDS.tilleuls, at: new Date(FIXTURE_NOW).toISOString(),
      }),
    );
    expect(await screen.findByRole("main", { name: "Espace de travail" })).toBeInTheDocument();
    expect(screen.queryByRole("main", { name: "Administration" })).not.toBeInTheDocument();
  });
});

describe("absences by whole days", () => {
  it("run from the first day's Paris midnight to the midnight after the last, across a clock change", () => {
    expect(absenceFromDays("2026-10-24", "2026-10-25", "formation")).toEqual({ absence: { from: "2026-10-23T22:00:00Z", to: "2026-10-25T23:00:00Z", reason: "formation" } });
    expect(absenceFromDays("2026-10-26", "", "conges")).toEqual({ error: "Indiquez le premier et le dernier jour d'absence." });
  });
});

describe("call statistics table", () => {
  it("sums each practice's days by outcome, calls without outcome apart, busiest practice first", () => {
    const totals = totalsByPractice([
      { practiceId: IDS.gare, day: "2026-11-23", outcome: "message", calls: 1 },
      { practiceId: IDS.tilleuls, day: "2026-11-23", outcome: "message", calls: 2 },
      { practiceId: IDS.tilleuls, day: "2026-11-24", outcome: "message", calls: 3 },
      { practiceId: IDS.tilleuls, day: "2026-11-24", outcome: null, calls: 1 },
    ]);
    expect(totals.map((practice) => [practice.practiceId, practice.byOutcome.message, practice.open, practice.total])).toEqual([
      [IDS.tilleuls, 5, 1, 6],
      [IDS.gare, 1, 0, 1],
    ]);
  });
});

describe("weekly hours as text", () => {
  it("reads a week written day by day, breaks being the gaps, and writes it back the same way", () => {
    const read = parseWeeklyHours("Lun 14:00-19:00 08:00-12:00 ; mar. 08:30-12:00 ;");
    expect(read).toEqual({
      hours: [
        { weekday: 1, start: "08:00", end: "12:00" },
        { weekday: 1, start: "14:00", end: "19:00" },
        { weekday: 2, start: "08:30", end: "12:00" },
      ],
    });
    expect(formatWeeklyHours("hours" in read ? read.hours : [])).toBe("lun 08:00-12:00 14:00-19:00 ; mar 08:30-12:00");
    expect(parseWeeklyHours("")).toEqual({ hours: [] });
  });

  it("says in French what to correct", () => {
    expect(parseWeeklyHours("lundi 8h-12h")).toEqual({ error: "Plage illisible « 8h-12h » : écrivez-la 08:00-12:00." });
    expect(parseWeeklyHours("dimanche")).toEqual({ error: "Aucune plage pour « dimanche » (par exemple 08:00-12:00)." });
    expect(parseWeeklyHours("xyz 08:00-09:00")).toEqual({ error: "Jour inconnu « xyz » : lun, mar, mer, jeu, ven, sam ou dim." });
    expect(parseWeeklyHours("lun 12:00-08:00")).toEqual({ error: "La plage « 12:00-08:00 » doit finir après son début." });
    expect(parseWeeklyHours("lun 08:00-12:00 11:00-13:00")).toEqual({ error: "Les plages de « lun » se chevauchent." });
    expect(parseWeeklyHours("lun 08:00-12:00 ; lun 14:00-18:00")).toEqual({ error: "« lun » est donné deux fois : mettez toutes ses plages après un seul jour." });
  });
});
