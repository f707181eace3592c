import { describe, expect, it } from "vitest";
import { aircallWebhook, mapAircallWebhook } from "../../shared/domain/telephonyAircall";
import { telephonyEventBody } from "../../shared/domain/telephonyEvent";

/**
 * A payload recorded under tests/server/fixtures/telephony/. Imported at run time: this folder is
 * type-checked for the browser too, without Node's file system.
 */
async function telephonyFixture(path: string): Promise<unknown> {
  return ((await import(`../server/fixtures/telephony/${path}`)) as { default: unknown }).default;
}

const receivedAt = new Date("2025-01-14T09:00:00Z");

async function map(fixture: string) {
  const mapping = mapAircallWebhook(aircallWebhook.parse(await telephonyFixture(`aircall/${fixture}`)), receivedAt);
  return "ignored" in mapping ? mapping : telephonyEventBody.parse(mapping.event);
}

describe("the Aircall webhook adapter", () => {
  const call = { callId: "1839402017", calledNumber: "+33144556677", callerNumber: "+33612345678" };
  const agent = "camille.laurent@telesec.example";

  it("records the inbound call when Aircall creates it, before it rings on anyone", async () => {
    expect(await map("call.created.json")).toEqual({ event: "ringing", ...call, agent: null, at: "2025-01-14T08:30:00.000Z" });
  });

  it("follows the call from ringing on an agent to its end, at Aircall's own times", async () => {
    expect(await map("call.ringing_on_agent.json")).toEqual({ event: "ringing", ...call, agent, at: "2025-01-14T08:30:00.000Z" });
    expect(await map("call.answered.json")).toEqual({ event: "answered", ...call, agent, at: "2025-01-14T08:30:06.000Z" });
    expect(await map("call.hungup.json")).toEqual({ event: "ended", ...call, agent, at: "2025-01-14T08:32:10.000Z" });
    expect(await map("call.ended.json")).toEqual({ event: "ended", ...call, agent, at: "2025-01-14T08:32:10.000Z" });
  });

  it("takes an anonymous caller as null", async () => {
    expect(await map("call.created-anonymous.json")).toMatchObject({ event: "ringing", callId: "1839405550", callerNumber: null });
  });

  it.each(["call.created-outbound.json", "call.tagged.json"])("ignores %s, saying why", async (fixture) => {
    expect(await map(fixture)).toEqual({ ignored: expect.any(String) });
  });

  it("refuses a webhook without its call", () => {
    expect(aircallWebhook.safeParse({ resource: "call", event: "call.created", timestamp: 1736843400 }).success).toBe(false);
  });
});
