import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, calls, dialledNumbers, pbxLinks } from "../../db/central/schema";
import { errorBody } from "../../shared/api/wire";
import { eventually } from "../support/eventually";
import { callRows, countRows, PBX_SECRET, TILLEULS_NUMBER, useTelephonyWorld } from "./fixtures/telephony/telephonyWorld";
import { NOW } from "../support/fixtures";

const world = useTelephonyWorld();

const ringing = (overrides: Record<string, unknown> = {}) => ({
  event: "ringing",
  callId: "1736843400.84",
  calledNumber: "01 44 55 66 77",
  callerNumber: "06 12 34 56 78",
  agent: "secretaire",
  at: "2025-01-14T09:30:00+01:00",
  ...overrides,
});

describe("POST /api/v1/telephony/events", () => {
  it("records ringing, answered and ended on one call row and pops each on the agent's workstation only", async () => {
    const { database, fixture, userIds } = await world.agency();
    const server = await world.server(database.url);
    const secretaire = await world.agentSocket(server.url, "secretaire");
    const secretaire2 = await world.agentSocket(server.url, "secretaire2");

    const rang = await world.post(server.url, "", ringing());
    expect(rang.status).toBe(202);
    expect(rang.body).toEqual({ callId: expect.any(String), delivered: 1 });
    const callId = rang.body.callId as string;
    const expected = {
      type: "call",
      callId,
      externalCallId: "1736843400.84",
      dialledNumber: TILLEULS_NUMBER,
      callerNumber: "+33612345678",
      practiceId: fixture.tilleuls.practiceId,
    };
    await eventually(() => expect(secretaire.calls()).toEqual([{ ...expected, event: "ringing", at: "2025-01-14T08:30:00.000Z" }]));
    expect(await callRows(database)).toEqual([
      expect.objectContaining({
        id: callId,
        practiceId: fixture.tilleuls.practiceId,
        externalCallId: "1736843400.84",
        dialledNumber: TILLEULS_NUMBER,
        callerNumber: "+33612345678",
        userId: userIds.secretaire,
        startedAt: new Date("2025-01-14T08:30:00Z"),
        answeredAt: null,
        endedAt: null,
        outcome: null,
        links: { appointmentIds: [], messageIds: [] },
      }),
    ]);

    // Later events may name the agent by extension, and leave the numbers out.
    const answered = await world.post(server.url, "", { event: "answered", callId: "1736843400.84", agent: "201", at: "2025-01-14T08:30:06Z" });
    expect(answered).toEqual({ status: 202, body: { callId, delivered: 1 } });
    const ended = await world.post(server.url, "", { event: "ended", callId: "1736843400.84", at: "2025-01-14T08:32:10Z" });
    expect(ended).toEqual({ status: 202, body: { callId, delivered: 1 } });
    await eventually(() => expect(secretaire.calls().map((message) => message.event)).toEqual(["ringing", "answered", "ended"]));
    expect(secretaire.calls()[2]).toEqual({ ...expected, event: "ended", at: "2025-01-14T08:32:10.000Z" });
    expect(await callRows(database)).toEqual([
      expect.objectContaining({ id: callId, userId: userIds.secretaire, answeredAt: new Date("2025-01-14T08:30:06Z"), endedAt: new Date("2025-01-14T08:32:10Z") }),
    ]);

    // secretaire2 serves Tilleuls too: she is poked and can pull the row, but the call pops on secretaire's screen only.
    await eventually(() => expect(secretaire2.messages.some((message) => message.type === "poke")).toBe(true));
    const pulled = await world.pullAll(server.url, secretaire2.token);
    expect(pulled.filter((change) => change.table === "call").map((change) => change.row.id)).toEqual([callId]);
    const marker = await world.markerCall(server.url, "202", [secretaire2]);
    expect(secretaire2.calls().map((message) => message.externalCallId)).toEqual([marker]);
  });

  it("gives a call that rang on several phones to whoever answered it", async () => {
    const { database, userIds } = await world.agency();
    const server = await world.server(database.url);
    const secretaire = await world.agentSocket(server.url, "secretaire");
    const secretaire2 = await world.agentSocket(server.url, "secretaire2");
    await world.post(server.url, "", ringing({ agent: "201" }));
    await world.post(server.url, "", ringing({ agent: "202" }));
    expect(await callRows(database)).toEqual([expect.objectContaining({ userId: userIds.secretaire })]);
    await world.post(server.url, "", { event: "answered", callId: "1736843400.84", agent: "202", at: "2025-01-14T08:30:05Z" });
    await world.post(server.url, "", { event: "ended", callId: "1736843400.84", at: "2025-01-14T08:31:05Z" });
    expect(await callRows(database)).toEqual([expect.objectContaining({ userId: userIds.secretaire2 })]);
    await eventually(() => expect(secretaire2.calls().map((message) => message.event)).toEqual(["ringing", "answered", "ended"]));
    const marker = await world.markerCall(server.url, "201", [secretaire]);
    expect(secretaire.calls().map(({ event, externalCallId }) => [event, externalCallId])).toEqual([
      ["ringing", "1736843400.84"],
      ["ringing", marker],
    ]);
  });

  it("reads the dialled number in every French form, and E.164", async () => {
    const { database, fixture } = await world.agency();
    const server = await world.server(database.url);
    const forms = ["01 44 55 66 77", "0144556677", "+33 1 44 55 66 77", "0033144556677", "01.44.55.66.77", "+33144556677"];
    for (const [index, calledNumber] of forms.entries()) {
      const response = await world.post(server.url, "", ringing({ callId: `form-${index}`, calledNumber }));
      expect(response.status, calledNumber).toBe(202);
    }
    const rows = await callRows(database);
    expect(rows).toHaveLength(forms.length);
    for (const row of rows) expect(row).toMatchObject({ dialledNumber: TILLEULS_NUMBER, practiceId: fixture.tilleuls.practiceId });
  });

  it.each([null, "", "anonymous", "withheld", "unknown"])("accepts the withheld caller %j as a call without number", async (callerNumber) => {
    const { database } = await world.agency();
    const server = await world.server(database.url);
    const secretaire = await world.agentSocket(server.url, "secretaire");
    expect((await world.post(server.url, "", ringing({ callerNumber }))).status).toBe(202);
    expect(await callRows(database)).toEqual([expect.objectContaining({ callerNumber: null })]);
    await eventually(() => expect(secretaire.calls()).toEqual([expect.objectContaining({ callerNumber: null })]));
  });

  it("refuses a missing, wrong or revoked secret with 401 and records nothing", async () => {
    const { database, pbxLinkId } = await world.agency();
    const server = await world.server(database.url);
    for (const secret of [null, "", "pas-le-bon-secret", `${PBX_SECRET}x`]) {
      const response = await world.post(server.url, "", ringing(), secret);
      expect(response.status, String(secret)).toBe(401);
      expect(errorBody.parse(response.body).error).toEqual({ code: "unauthenticated", message: expect.stringMatching(/^Standard téléphonique non reconnu.*X-Telesec-Pbx-Secret/) });
    }
    await database.db.update(pbxLinks).set({ revokedAt: NOW }).where(eq(pbxLinks.id, pbxLinkId));
    expect((await world.post(server.url, "", ringing())).status).toBe(401);
    expect(await countRows(database, "call")).toBe(0);
  });

  it.each([
    ["an unknown event", ringing({ event: "hold" }), /^Requête invalide : event — Événement inconnu/],
    ["no call id", ringing({ callId: undefined }), /^Requête invalide : callId — /],
    ["an unreadable dialled number", ringing({ calledNumber: "12" }), /calledNumber — Numéro appelé illisible : « 12 »/],
    ["an unreadable caller number", ringing({ callerNumber: "abc" }), /callerNumber — Numéro de l'appelant illisible : « abc »/],
    ["an unreadable time", ringing({ at: "mardi 9h30" }), /at — Instant illisible/],
    ["a first event without dialled number", ringing({ calledNumber: undefined }), /calledNumber — numéro appelé manquant ; l'appel « 1736843400.84 » est inconnu/],
    ["a body that is not JSON", "{ringing", /le corps n'est pas du JSON valide/],
  ])("refuses %s with 400, in French, and records nothing", async (_case, body, message) => {
    const { database } = await world.agency();
    const server = await world.server(database.url);
    const response = await world.post(server.url, "", body);
    expect(response.status).toBe(400);
    expect(errorBody.parse(response.body).error).toEqual({ code: "invalid", message: expect.stringMatching(message) });
    expect(await countRows(database, "call")).toBe(0);
    expect(await countRows(database, "pbx_call")).toBe(0);
  });

  it("refuses a body over 16 KiB with 413", async () => {
    const { database } = await world.agency();
    const server = await world.server(database.url);
    const response = await world.post(server.url, "", ringing({ agent: "x".repeat(17 * 1024) }));
    expect(response).toEqual({ status: 413, body: { error: { code: "too_large", message: "Événement trop volumineux : 16 Kio au plus." } } });
    expect(await countRows(database, "call")).toBe(0);
  });

  it("makes one row of a call however often, and however concurrently, its ringing is repeated", async () => {
    const { database, userIds } = await world.agency();
    const server = await world.server(database.url);
    // The first report does not know the agent yet; a later one fills it in.
    const first = await world.post(server.url, "", ringing({ agent: null }));
    const again = await Promise.all(Array.from({ length: 5 }, () => world.post(server.url, "", ringing())));
    for (const response of again) expect(response).toEqual({ status: 202, body: { callId: first.body.callId, delivered: 0 } });
    expect(await callRows(database)).toEqual([expect.objectContaining({ id: first.body.callId, userId: userIds.secretaire })]);

    const racing = await Promise.all(Array.from({ length: 8 }, () => world.post(server.url, "", ringing({ callId: "course" }))));
    expect(new Set(racing.map((response) => response.body.callId)).size).toBe(1);
    expect(await countRows(database, "call")).toBe(2);
    expect(await countRows(database, "pbx_call")).toBe(2);
  });

  it("never pops again a call a PBX's retries report once it is past: recorded, answered outdated, nothing sent", async () => {
    const { database } = await world.agency();
    const server = await world.server(database.url);
    const secretaire = await world.agentSocket(server.url, "secretaire");
    const events = [
      ringing(),
      { event: "answered", callId: "1736843400.84", agent: "secretaire", at: "2025-01-14T08:30:06Z" },
      { event: "ended", callId: "1736843400.84", agent: "secretaire", at: "2025-01-14T08:32:10Z" },
    ];
    for (const event of events) expect((await world.post(server.url, "", event)).body.delivered).toBe(1);
    const callId = (await callRows(database))[0]!.id;

    // The PBX replays the whole call, twice, and an answer arrives after the end.
    for (const event of [...events, ...events, events[1]!]) {
      expect(await world.post(server.url, "", event)).toEqual({ status: 202, body: { callId, delivered: 0, outdated: true } });
    }
    const marker = await world.markerCall(server.url, "secretaire", [secretaire]);
    expect(secretaire.calls().map((message) => `${message.externalCallId} ${message.event}`)).toEqual([
      "1736843400.84 ringing",
      "1736843400.84 answered",
      "1736843400.84 ended",
      `${marker} ringing`,
    ]);
    expect(await callRows(database)).toEqual([
      expect.objectContaining({ id: callId, answeredAt: new Date("2025-01-14T08:30:06Z"), endedAt: new Date("2025-01-14T08:32:10Z") }),
      expect.objectContaining({ externalCallId: marker }),
    ]);
  });

  it("records a call for an unknown agent with no secretary, and on an unknown number with no practice", async () => {
    const { database } = await world.agency();
    const server = await world.server(database.url);
    const unknownAgent = await world.post(server.url, "", ringing({ callId: "a", agent: "personne" }));
    const unknownNumber = await world.post(server.url, "", ringing({ callId: "b", calledNumber: "01 45 67 89 10" }));
    expect(unknownAgent).toEqual({ status: 202, body: { callId: expect.any(String), delivered: 0 } });
    expect(unknownNumber.status).toBe(202);
    const rows = await callRows(database);
    expect(rows.find((row) => row.externalCallId === "a")).toMatchObject({ userId: null, dialledNumber: TILLEULS_NUMBER });
    expect(rows.find((row) => row.externalCallId === "b")).toMatchObject({ practiceId: null, dialledNumber: "+33145678910" });
  });

  it("keeps the call for a secretary whose workstation is offline: she pulls it when she connects", async () => {
    const { database, userIds } = await world.agency();
    const server = await world.server(database.url);
    const response = await world.post(server.url, "", ringing());
    expect(response).toEqual({ status: 202, body: { callId: expect.any(String), delivered: 0 } });
    expect(await callRows(database)).toEqual([expect.objectContaining({ id: response.body.callId, userId: userIds.secretaire })]);
    const { token } = await world.login(server.url, "secretaire");
    const pulled = await world.pullAll(server.url, token);
    expect(pulled.find((change) => change.table === "call")?.row).toMatchObject({ id: response.body.callId, callerNumber: "+33612345678" });
  });

  it("never overwrites what the secretary recorded, and ignores the end of a call it never saw", async () => {
    const { database } = await world.agency();
    const server = await world.server(database.url);
    const secretaire = await world.agentSocket(server.url, "secretaire");
    const { body } = await world.post(server.url, "", ringing());
    const push = await fetch(`${server.url}/api/v1/sync/push`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${secretaire.token}` },
      body: JSON.stringify({
        clientId: randomUUID(),
        mutations: [
          {
            seq: 1,
            id: randomUUID(),
            name: "call.close",
            args: { id: body.callId, endedAt: "2025-01-14T08:31:00Z", outcome: "info", notes: "Horaires du samedi", links: { appointmentIds: [], messageIds: [] } },
          },
        ],
      }),
    });
    expect(await push.json()).toMatchObject({ results: [{ status: "applied" }] });
    expect((await world.post(server.url, "", { event: "ended", callId: "1736843400.84", at: "2025-01-14T08:32:10Z" })).status).toBe(202);
    expect(await callRows(database)).toEqual([
      expect.objectContaining({ outcome: "info", notes: "Horaires du samedi", endedAt: new Date("2025-01-14T08:31:00Z") }),
    ]);

    const unknown = await world.post(server.url, "", { event: "ended", callId: "jamais-vu", at: "2025-01-14T08:32:10Z" });
    expect(unknown).toEqual({ status: 200, body: { ignored: true, reason: expect.stringContaining("« jamais-vu » inconnu") } });
    expect(await database.db.$count(calls)).toBe(1);
  });

  it("answers and records a call first reported when answered", async () => {
    const { database } = await world.agency();
    const server = await world.server(database.url);
    const response = await world.post(server.url, "", ringing({ event: "answered" }));
    expect(response.status).toBe(202);
    const at = new Date("2025-01-14T08:30:00Z");
    expect(await callRows(database)).toEqual([expect.objectContaining({ startedAt: at, answeredAt: at, endedAt: null })]);
  });

  it("puts every call row the PBX writes on the audit trail: the link, the event, the fields, never the numbers", async () => {
    const { database, pbxLinkId } = await world.agency();
    const server = await world.server(database.url);
    const rang = await world.post(server.url, "", ringing());
    await world.post(server.url, "", { event: "answered", callId: "1736843400.84", agent: "201", at: "2025-01-14T08:30:06Z" });
    // Repeated: teaches nothing, writes nothing, and so leaves no trace.
    await world.post(server.url, "", { event: "answered", callId: "1736843400.84", agent: "201", at: "2025-01-14T08:30:06Z" });
    const trail = (await database.db.select().from(auditEvents)).filter((event) => event.action.startsWith("telephony."));
    expect(trail.map(({ action, entity, entityId, userId, details }) => ({ action, entity, entityId, userId, details }))).toEqual([
      {
        action: "telephony.call.create",
        entity: "call",
        entityId: rang.body.callId,
        userId: null,
        details: { pbxLinkId, event: "ringing", fields: ["callerNumber", "dialledNumber", "externalCallId", "id", "practiceId", "userId"] },
      },
      { action: "telephony.call.update", entity: "call", entityId: rang.body.callId, userId: null, details: { pbxLinkId, event: "answered", fields: ["answeredAt"] } },
    ]);
    expect(JSON.stringify(trail)).not.toContain("612345678");
  });

  it("records a call the PBX rings on the phone of a secretary who does not serve its practice, but does not pop it", async () => {
    const { database, fixture } = await world.agency();
    await database.db.insert(dialledNumbers).values({ id: randomUUID(), practiceId: fixture.gare.practiceId, e164: "+33144556688", label: "Accueil" });
    const server = await world.server(database.url);
    const secretaire2 = await world.agentSocket(server.url, "secretaire2");
    const rang = await world.post(server.url, "", ringing({ calledNumber: "01 44 55 66 88", agent: "secretaire2" }));
    expect(rang).toEqual({ status: 202, body: { callId: expect.any(String), delivered: 0 } });
    expect(await callRows(database)).toEqual([expect.objectContaining({ practiceId: fixture.gare.practiceId })]);
    const marker = await world.markerCall(server.url, "secretaire2", [secretaire2]);
    expect(secretaire2.calls().map((message) => message.externalCallId)).toEqual([marker]);
  });
});

