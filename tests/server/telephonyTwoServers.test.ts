import { describe, expect, it } from "vitest";
import { eventually } from "../support/eventually";
import { callRows, useTelephonyWorld } from "./fixtures/telephony/telephonyWorld";

const world = useTelephonyWorld();

describe("telephony with several server processes on one database", () => {
  it("pops a call posted to one server on the agent's workstation connected to another, through PostgreSQL", async () => {
    const { database, userIds } = await world.agency();
    const first = await world.server(database.url);
    const second = await world.server(database.url);
    const secretaireOnSecond = await world.agentSocket(second.url, "secretaire");
    const secretaire2OnFirst = await world.agentSocket(first.url, "secretaire2");

    const response = await world.post(first.url, "", {
      event: "ringing",
      callId: "pbx-7781",
      calledNumber: "0144556677",
      callerNumber: "+33 6 12 34 56 78",
      agent: "201",
      at: "2025-01-14T09:30:00+01:00",
    });
    // The server that took the event counts the sockets every process reached.
    expect(response).toEqual({ status: 202, body: { callId: expect.any(String), delivered: 1 } });
    await eventually(() => expect(secretaireOnSecond.calls()).toEqual([expect.objectContaining({ event: "ringing", callId: response.body.callId, externalCallId: "pbx-7781" })]));
    expect(await callRows(database)).toEqual([expect.objectContaining({ userId: userIds.secretaire })]);

    // She may be connected to both: each of her sockets gets it once.
    const secretaireOnFirst = await world.agentSocket(first.url, "secretaire");
    const ended = await world.post(second.url, "", { event: "ended", callId: "pbx-7781", at: "2025-01-14T08:31:00Z" });
    expect(ended).toEqual({ status: 202, body: { callId: response.body.callId, delivered: 2 } });
    await eventually(() => expect(secretaireOnFirst.calls().map((message) => message.event)).toEqual(["ended"]));
    // Markers rung through the first server: anything more for these sockets would have come before them.
    const markerForSecretaire = await world.markerCall(first.url, "201", [secretaireOnFirst, secretaireOnSecond]);
    const markerForSecretaire2 = await world.markerCall(first.url, "202", [secretaire2OnFirst]);
    const seen = (socket: typeof secretaireOnFirst) => socket.calls().map(({ event, externalCallId }) => [event, externalCallId]);
    expect(seen(secretaireOnSecond)).toEqual([
      ["ringing", "pbx-7781"],
      ["ended", "pbx-7781"],
      ["ringing", markerForSecretaire],
    ]);
    expect(seen(secretaireOnFirst)).toEqual([
      ["ended", "pbx-7781"],
      ["ringing", markerForSecretaire],
    ]);
    expect(seen(secretaire2OnFirst)).toEqual([["ringing", markerForSecretaire2]]);
  });
});
