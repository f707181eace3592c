import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import { calls } from "../../db/central/schema";
import { billingMonthView, billingStatementView } from "../../shared/api/billingApi";
import { errorBody } from "../../shared/api/wire";
import type { BillingContractInput, BillingIssuer } from "../../shared/domain/billing";
import type { CallOutcome } from "../../shared/domain/enums";
import { readActivityReport } from "../../server/reports/activityReport";
import { seedSyncFixture } from "../support/syncWorld";
import { insertUser, signInOnApp, useTestApps } from "./appOnFreshDatabase";

/**
 * Billing (issue 19) on a real PostgreSQL through the server's app, at the tests' fixed instant (Monday 23
 * November 2026): October's statement counted by hand, issued once and never changed, numbered without a gap,
 * a later change to October's calls corrected in November's, its CSV for Excel and its PDF read back.
 */
const testApp = useTestApps();

const ISSUER: BillingIssuer = {
  name: "Télésec Île-de-France SAS",
  address: "12 rue de la République\n91000 Évry-Courcouronnes",
  siren: "123456789",
  vatNumber: "FR32123456789",
  paymentDays: 30,
  latePenalty: "taux BCE majoré de 10 points",
};
const BILLED: CallOutcome[] = ["rdv_pris", "rdv_deplace", "rdv_annule", "message", "transfert", "info", "urgence_reorientee", "reoriente_confrere"];
const PER_CALL: BillingContractInput = {
  effectiveFrom: "2026-10-01",
  pricing: "par_appel",
  pricePerCallCents: 95,
  monthlyFeeCents: null,
  includedCalls: null,
  extraCallCents: null,
  outOfHoursCents: 50,
  onCallMonthlyCents: 0,
  billableOutcomes: BILLED,
  vatRateBp: 2000,
};

async function agency() {
  const testing = await testApp();
  const fixture = await seedSyncFixture(testing.db);
  await insertUser(testing, "admin", "motdepasse-solide", [fixture.tilleuls.practiceId, fixture.gare.practiceId]);
  await testing.db.execute(sql`UPDATE "user" SET role = 'admin' WHERE login = 'admin'`);
  await insertUser(testing, "superviseur", "motdepasse-solide", [fixture.tilleuls.practiceId]);
  await testing.db.execute(sql`UPDATE "user" SET role = 'supervisor' WHERE login = 'superviseur'`);
  const admin = (await signInOnApp(testing.app, "admin", "motdepasse-solide")).token;
  const supervisor = (await signInOnApp(testing.app, "superviseur", "motdepasse-solide")).token;
  const as = (token: string) => (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) =>
    testing.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { ...testing, fixture, admin: as(admin), supervisor: as(supervisor) };
}

function call(practiceId: string, startedAt: string, outcome: CallOutcome | null, direction: "entrant" | "sortant" = "entrant") {
  const started = new Date(startedAt);
  return {
    id: randomUUID(),
    practiceId,
    dialledNumber: "+33144556677",
    startedAt: started,
    answeredAt: outcome ? new Date(started.getTime() + 5_000) : null,
    endedAt: new Date(started.getTime() + 120_000),
    outcome,
    direction,
    links: { appointmentIds: [], messageIds: [] },
  };
}

/** October 2026 at the Tilleuls, counted by hand: 5 billable calls, 2 of them out of hours. */
async function october(testing: Awaited<ReturnType<typeof agency>>) {
  const tilleuls = testing.fixture.tilleuls.practiceId;
  const missed = call(tilleuls, "2026-10-14T09:00:00+02:00", null);
  await testing.db.insert(calls).values([
    call(tilleuls, "2026-10-05T10:00:00+02:00", "rdv_pris"),
    call(tilleuls, "2026-10-06T11:00:00+02:00", "message"),
    call(tilleuls, "2026-10-07T18:59:00+02:00", "info"),
    // Saturday: out of hours.
    call(tilleuls, "2026-10-10T09:30:00+02:00", "rdv_annule"),
    // Saturday 31 October 23:30 in Paris: October, out of hours; 00:10 on 1 November is November's.
    call(tilleuls, "2026-10-31T23:30:00+01:00", "urgence_reorientee"),
    call(tilleuls, "2026-11-01T00:10:00+01:00", "rdv_pris"),
    // Not billed: an outcome the contract leaves out, a call missed, a callback made.
    call(tilleuls, "2026-10-08T10:00:00+02:00", "autre"),
    missed,
    call(tilleuls, "2026-10-09T10:00:00+02:00", "rdv_pris", "sortant"),
  ]);
  return { missed };
}

describe("billing the practices", () => {
  it("prices October by hand, agrees with October's report, and gives the agency's total", async () => {
    const testing = await agency();
    const { tilleuls } = testing.fixture;
    await october(testing);
    expect((await testing.admin("PATCH", "/api/v1/billing/issuer", ISSUER)).statusCode).toBe(200);
    expect((await testing.admin("POST", `/api/v1/billing/practices/${tilleuls.practiceId}/contracts`, PER_CALL)).statusCode).toBe(201);

    const month = billingMonthView.parse((await testing.admin("GET", "/api/v1/billing/months/2026-10")).json());
    expect(month.ended).toBe(true);
    const row = month.practices.find((practice) => practice.practiceId === tilleuls.practiceId)!;
    expect(row.status).toBe("a_emettre");
    if (row.status !== "a_emettre") return;
    expect(row.draft.lines).toEqual([
      { label: "Appels facturables", quantity: 5, unitCents: 95, amountCents: 475 },
      { label: "Majoration hors heures ouvrées", quantity: 2, unitCents: 50, amountCents: 100 },
    ]);
    expect(row.draft).toMatchObject({ billableCalls: 5, outOfHoursCalls: 2, totalHtCents: 575, vatCents: 115, totalTtcCents: 690 });
    expect(month.practices.find((practice) => practice.practiceId === testing.fixture.gare.practiceId)?.status).toBe("sans_contrat");
    expect(month.agency).toEqual({ billableCalls: 5, totalHtCents: 575, vatCents: 115, totalTtcCents: 690 });

    // The report of the month says the same: its outcomes the contract bills add up to the statement's calls.
    const report = await readActivityReport(testing.db, [tilleuls.practiceId], { from: "2026-10-01", to: "2026-10-31" });
    expect(BILLED.reduce((sum, outcome) => sum + report.totals.outcomes[outcome], 0)).toBe(row.draft.billableCalls);
  });

  it("issues a month once, numbered without a gap, never changed; a later change to its calls is corrected the next month", async () => {
    const testing = await agency();
    const { tilleuls, gare } = testing.fixture;
    const { missed } = await october(testing);
    await testing.admin("PATCH", "/api/v1/billing/issuer", ISSUER);
    await testing.admin("POST", `/api/v1/billing/practices/${tilleuls.practiceId}/contracts`, PER_CALL);
    await testing.admin("POST", `/api/v1/billing/practices/${gare.practiceId}/contracts`, { ...PER_CALL, pricing: "forfait", pricePerCallCents: null, monthlyFeeCents: 9900, includedCalls: 100, extraCallCents: 80, outOfHoursCents: 0 });

    // Two administrators issuing at once: one statement.
    const url = `/api/v1/billing/practices/${tilleuls.practiceId}/months/2026-10/issue`;
    const [first, second] = await Promise.all([testing.admin("POST", url), testing.admin("POST", url)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const refusal = [first, second].find((response) => response.statusCode === 409)!;
    expect(errorBody.parse(refusal.json()).error.message).toBe("Le relevé de octobre 2026 est déjà émis (n° 2026-00001).");
    const issued = billingStatementView.parse(([first, second].find((response) => response.statusCode === 201)!.json() as { statement: unknown }).statement);
    expect(issued).toMatchObject({ number: "2026-00001", totalHtCents: 575, vatCents: 115, totalTtcCents: 690 });
    const garesOctober = billingStatementView.parse(((await testing.admin("POST", `/api/v1/billing/practices/${gare.practiceId}/months/2026-10/issue`)).json() as { statement: unknown }).statement);
    expect(garesOctober).toMatchObject({ number: "2026-00002", lines: [{ label: "Forfait mensuel (100 appels inclus)", quantity: 1, unitCents: 9900, amountCents: 9900 }], totalTtcCents: 11880 });

    // November is not over; a statement never changes; October's prices stay October's.
    const november = await testing.admin("POST", `/api/v1/billing/practices/${tilleuls.practiceId}/months/2026-11/issue`);
    expect([november.statusCode, errorBody.parse(november.json()).error.message]).toEqual([409, "Le mois de novembre 2026 n'est pas terminé : son relevé s'émet à partir du 1er du mois suivant."]);
    await expect(testing.pool.query("UPDATE billing_statement SET total_ttc_cents = 0")).rejects.toThrow("Un relevé émis ne se modifie pas : UPDATE refusé.");
    await expect(testing.pool.query("DELETE FROM billing_statement")).rejects.toThrow("Un relevé émis ne se modifie pas : DELETE refusé.");
    const late = await testing.admin("POST", `/api/v1/billing/practices/${tilleuls.practiceId}/contracts`, { ...PER_CALL, pricePerCallCents: 120 });
    expect([late.statusCode, errorBody.parse(late.json()).error.message]).toEqual([409, "Le relevé de octobre 2026 est émis : un changement de contrat prend effet au plus tôt le mois suivant."]);
    expect((await testing.admin("POST", `/api/v1/billing/practices/${tilleuls.practiceId}/contracts`, { ...PER_CALL, effectiveFrom: "2026-12-01", pricePerCallCents: 120 })).statusCode).toBe(201);

    // The missed October call was in fact answered and a message taken: November's statement corrects October.
    await testing.db.update(calls).set({ answeredAt: new Date("2026-10-14T07:00:05Z"), outcome: "message" }).where(eq(calls.id, missed.id));
    const draft = billingMonthView.parse((await testing.admin("GET", "/api/v1/billing/months/2026-11")).json()).practices.find((practice) => practice.practiceId === tilleuls.practiceId)!;
    expect(draft.status === "a_emettre" && draft.draft.lines).toEqual([
      // 1 November 00:10: a Sunday, and All Saints' Day.
      { label: "Appels facturables", quantity: 1, unitCents: 95, amountCents: 95 },
      { label: "Majoration hors heures ouvrées", quantity: 1, unitCents: 50, amountCents: 50 },
      { label: "Régularisation de octobre 2026 (relevé 2026-00001) : +1 appel facturable", quantity: 1, unitCents: 95, amountCents: 95, correctionOf: "2026-10-01", callsDelta: 1 },
    ]);
    // October's statement itself says what it said.
    const octoberNow = billingMonthView.parse((await testing.admin("GET", "/api/v1/billing/months/2026-10")).json()).practices.find((practice) => practice.practiceId === tilleuls.practiceId)!;
    expect(octoberNow.status === "emis" && octoberNow.statement.totalTtcCents).toBe(690);
  });

  it("exports an issued statement as CSV for French Excel and as a PDF that reads back", async () => {
    const testing = await agency();
    const { tilleuls } = testing.fixture;
    await october(testing);
    await testing.admin("PATCH", "/api/v1/billing/issuer", ISSUER);
    await testing.admin("POST", `/api/v1/billing/practices/${tilleuls.practiceId}/contracts`, PER_CALL);
    const statement = billingStatementView.parse(((await testing.admin("POST", `/api/v1/billing/practices/${tilleuls.practiceId}/months/2026-10/issue`)).json() as { statement: unknown }).statement);

    const csv = await testing.admin("GET", `/api/v1/billing/statements/${statement.id}/csv`);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="releve-2026-00001-2026-10.csv"');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.rawPayload.toString("utf8").slice(1).split("\r\n")).toEqual([
      "Relevé;Mois;Cabinet;Désignation;Quantité;Prix unitaire HT (€);Montant (€)",
      "2026-00001;10/2026;Cabinet des Tilleuls;Appels facturables;5;0,95;4,75",
      "2026-00001;10/2026;Cabinet des Tilleuls;Majoration hors heures ouvrées;2;0,50;1,00",
      "2026-00001;10/2026;Cabinet des Tilleuls;Total HT;;;5,75",
      "2026-00001;10/2026;Cabinet des Tilleuls;TVA 20\u00a0%;;;1,15",
      "2026-00001;10/2026;Cabinet des Tilleuls;Total TTC;;;6,90",
      "",
    ]);

    const pdf = await testing.admin("GET", `/api/v1/billing/statements/${statement.id}/pdf`);
    expect([pdf.statusCode, pdf.headers["content-type"]]).toEqual([200, "application/pdf"]);
    const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    const read = text.replace(/[\u00a0\u202f]/g, " ");
    for (const expected of [
      "Télésec Île-de-France SAS",
      "SIREN 123456789",
      "TVA intracommunautaire FR32123456789",
      "Cabinet des Tilleuls",
      "Relevé de prestations n° 2026-00001",
      "du 01/10/2026 au 31/10/2026 (octobre 2026)",
      "Appels facturables",
      "4,75 €",
      "Total TTC",
      "6,90 €",
      "À régler au plus tard le 23/12/2026",
      "Indemnité forfaitaire pour frais de recouvrement",
    ]) {
      expect(read, expected).toContain(expected);
    }
  });

  it("is for administrators, and refuses bad input changing nothing", async () => {
    const testing = await agency();
    const { tilleuls } = testing.fixture;
    const forbidden = await testing.supervisor("GET", "/api/v1/billing/months/2026-10");
    expect([forbidden.statusCode, errorBody.parse(forbidden.json()).error.message]).toEqual([403, "Réservé aux administrateurs de l'agence."]);
    for (const [body, message] of [
      [{ ...PER_CALL, effectiveFrom: "2026-10-15" }, "Un contrat prend effet le 1er d'un mois"],
      [{ ...PER_CALL, pricePerCallCents: null }, "Prix par appel manquant"],
      [{ ...PER_CALL, pricing: "forfait" }, "Forfait incomplet"],
      [{ ...PER_CALL, billableOutcomes: [] }, "Au moins une issue facturable"],
      [{ ...PER_CALL, pricePerCallCents: 9.5 }, "Montant en centimes entiers"],
    ] as const) {
      const refused = await testing.admin("POST", `/api/v1/billing/practices/${tilleuls.practiceId}/contracts`, body);
      expect(refused.statusCode, message).toBe(400);
      expect(errorBody.parse(refused.json()).error.message).toContain(message);
    }
    const noIssuer = await testing.admin("POST", `/api/v1/billing/practices/${tilleuls.practiceId}/months/2026-10/issue`);
    expect(errorBody.parse(noIssuer.json()).error.message).toBe("Renseignez d'abord l'émetteur des relevés (raison sociale, adresse, SIREN).");
    const badSiren = await testing.admin("PATCH", "/api/v1/billing/issuer", { ...ISSUER, siren: "12345" });
    expect(errorBody.parse(badSiren.json()).error.message).toContain("SIREN : 9 chiffres");
    // Half an emoji: jsonb would refuse it; the schema does first, in French.
    const cut = await testing.admin("PATCH", "/api/v1/billing/issuer", { ...ISSUER, name: "Agence \ud83d" });
    expect([cut.statusCode, errorBody.parse(cut.json()).error.message]).toEqual([400, "Requête invalide : name — Texte mal formé : un caractère y est coupé"]);
    expect((await testing.pool.query("SELECT (SELECT count(*) FROM billing_contract) + (SELECT count(*) FROM billing_issuer) + (SELECT count(*) FROM billing_statement) AS n")).rows[0].n).toBe("0");
    expect((await testing.admin("GET", "/api/v1/billing/months/2026-13")).statusCode).toBe(400);
  });
});
