import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { users } from "../../db/central/schema";
import { createPbxLink } from "../../server/telephony/pbxSecrets";
import { telephonyFixture } from "./fixtures/telephony/telephonyFixture";
import { eventually } from "../support/eventually";
import { callRows, countRows, TILLEULS_NUMBER, useTelephonyWorld } from "./fixtures/telephony/telephonyWorld";
import { NOW } from "../support/fixtures";

const world = useTelephonyWorld();

/** Posts recorded payloads in order; the answers. */
async function replay(serverUrl: string, format: string, fixtures: string[], secret?: string | null) {
  const answers = [];
  for (const fixture of fixtures) answers.push(await world.post(serverUrl, `/${format}`, telephonyFixture(`${format}/${fixture}`), secret));
  return answers;
}

describe("the PBX adapters' routes", () => {
  it("refuse a time out of range or unreadable with 400 naming the field, whatever the event, and record nothing", async () => {
    const { database } = await world.agency();
    const server = await world.server(database.url);
    const asterisk = telephonyFixture("asterisk/newchannel-trunk-ring.json") as Record<string, unknown>;
    const aircall = telephonyFixture("aircall/call.created.json") as { data: Record<string, unknown> };
    const attempts: Array<[string, unknown, string]> = [
      ["asterisk", { ...asterisk, Timestamp: -1e308 }, "Timestamp"],
      ["asterisk", { ...asterisk, Timestamp: "abc" }, "Timestamp"],
      ["asterisk", { ...asterisk, Timestamp: "-1" }, "Timestamp"],
      ["asterisk", { ...asterisk, Timestamp: 1e21 }, "Timestamp"],
      // An event that would be ignored is no exception.
      ["asterisk", { ...asterisk, Event: "DialBegin", Timestamp: 1e21 }, "Timestamp"],
      ["aircall", { ...aircall, data: { ...aircall.data, started_at: 1e21 } }, "data.started_at"],
      ["aircall", { ...aircall, timestamp: -5 }, "timestamp"],
      ["aircall", { ...aircall, data: { ...aircall.data, direction: "outbound", ended_at: Number.MAX_VALUE } }, "data.ended_at"],
    ];
    for (const [format, payload, field] of attempts) {
      const answer = await world.post(server.url, `/${format}`, payload);
      expect([answer.status, answer.body], `${format} ${JSON.stringify(payload).slice(0, 120)}`).toEqual([
        400,
        { error: { code: "invalid", message: expect.stringMatching(new RegExp(`${field.replace(".", "\\.")} .*Heure illisible : secondes Unix attendues, de 0 à 253402300799`)) } },
      ]);
    }
    expect(await countRows(database, "call")).toBe(0);
    // The last second of the year 9999 is still a time.
    expect((await world.post(server.url, "/asterisk", { ...asterisk, Timestamp: "253402300799" })).status).toBe(202);
  });


  it("follow an Asterisk call from the trunk to secretaire's phone and back", async () => {
    const { database, fixture, userIds } = await world.agency();
    const server = await world.server(database.url);
    const secretaire = await world.agentSocket(server.url, "secretaire");
    const answers = await replay(server.url, "asterisk", [
      "newchannel-trunk-ring.json",
      "newchannel-phone-down.json",
      "dialbegin.json",
      "newstate-phone-ringing.json",
      "newstate-phone-up.json",
      "newstate-trunk-up.json",
      "hangup-phone.json",
      "hangup-trunk.json",
    ]);
    const [recorded] = await callRows(database);
    const accepted = (delivered: number) => ({ status: 202, body: { callId: recorded!.id, delivered } });
    const ignored = { status: 200, body: { ignored: true, reason: expect.any(String) } };
    // The trunk's ringing names no one yet; the phone's does (extension 201); the trunk's hangup goes to whom the call is with.
    expect(answers).toEqual([accepted(0), ignored, ignored, accepted(1), accepted(1), ignored, ignored, accepted(1)]);
    expect(recorded).toMatchObject({
      practiceId: fixture.tilleuls.practiceId,
      externalCallId: "1736843400.84",
      dialledNumber: TILLEULS_NUMBER,
      callerNumber: "+33612345678",
      userId: userIds.secretaire,
      startedAt: new Date("2025-01-14T08:30:00.102Z"),
      answeredAt: new Date("2025-01-14T08:30:06.558Z"),
      endedAt: new Date("2025-01-14T08:32:10.210Z"),
    });
    await eventually(() => expect(secretaire.calls().map((message) => message.event)).toEqual(["ringing", "answered", "ended"]));
  });

  it("follow a 3CX call chain from the IVR to the end, and ignore the recording's notice", async () => {
    const { database, userIds } = await world.agency();
    const server = await world.server(database.url);
    const secretaire = await world.agentSocket(server.url, "secretaire");
    const answers = await replay(server.url, "3cx", ["ringing-ivr.json", "ringing-extension.json", "pickupincoming.json", "incoming-ended.json", "incoming-recording.json", "outgoing.json"]);
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 200, 200]);
    expect(await callRows(database)).toEqual([
      expect.objectContaining({ externalCallId: "00000000-01db-66a5-3f0b-1a2e00000034", dialledNumber: TILLEULS_NUMBER, callerNumber: "+33612345678", userId: userIds.secretaire }),
    ]);
    await eventually(() => expect(secretaire.calls().map((message) => message.event)).toEqual(["ringing", "answered", "ended"]));
  });

  it("authenticate Aircall by its webhook's token, and find the agent by her e-mail login", async () => {
    const { database } = await world.agency();
    const server = await world.server(database.url);
    const token = (telephonyFixture("aircall/call.created.json") as { token: string }).token;
    await createPbxLink(database.db, "Aircall", NOW, token);
    const login = "camille.laurent@telesec.example";
    const camille = await database.db.insert(users).values({ id: randomUUID(), login, displayName: "Camille Laurent", role: "secretary", practiceIds: [] }).returning();

    const answers = await replay(server.url, "aircall", ["call.created.json", "call.ringing_on_agent.json", "call.answered.json", "call.hungup.json", "call.ended.json", "call.tagged.json"], null);
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202, 200]);
    expect(await callRows(database)).toEqual([
      expect.objectContaining({
        externalCallId: "1839402017",
        dialledNumber: TILLEULS_NUMBER,
        userId: camille[0]!.id,
        answeredAt: new Date("2025-01-14T08:30:06Z"),
        endedAt: new Date("2025-01-14T08:32:10Z"),
      }),
    ]);

    const forged = { ...(telephonyFixture("aircall/call.created-anonymous.json") as object), token: "pas-le-jeton-du-webhook" };
    expect((await world.post(server.url, "/aircall", forged, null)).status).toBe(401);
    expect(await countRows(database, "call")).toBe(1);
  });

  it("refuse a payload that is not the system's with 400, in French", async () => {
    const { database } = await world.agency();
    const server = await world.server(database.url);
    const response = await world.post(server.url, "/asterisk", { Event: "Newchannel" });
    expect(response).toEqual({ status: 400, body: { error: { code: "invalid", message: expect.stringMatching(/^Requête invalide : Uniqueid — /) } } });
    expect((await world.post(server.url, "/inconnu", { Event: "Newchannel" })).status).toBe(404);
    expect(await countRows(database, "call")).toBe(0);
  });
});
