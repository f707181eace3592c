import { describe, expect, it } from "vitest";
import { map3cxWebhook, threeCxWebhook } from "../../shared/domain/telephony3cx";
import { telephonyEventBody } from "../../shared/domain/telephonyEvent";

/**
 * A payload recorded under tests/server/fixtures/telephony/. Imported at run time: this folder is
 * type-checked for the browser too, without Node's file system.
 */
async function telephonyFixture(path: string): Promise<unknown> {
  return ((await import(`../server/fixtures/telephony/${path}`)) as { default: unknown }).default;
}

const receivedAt = new Date("2025-01-14T08:30:00Z");

async function map(fixture: string) {
  const mapping = map3cxWebhook(threeCxWebhook.parse(await telephonyFixture(`3cx/${fixture}`)), receivedAt);
  return "ignored" in mapping ? mapping : telephonyEventBody.parse(mapping.event);
}

describe("the 3CX webhook adapter", () => {
  const call = { callId: "00000000-01db-66a5-3f0b-1a2e00000034", calledNumber: "+33144556677", callerNumber: "+33612345678", at: receivedAt.toISOString() };

  it("records the call while it is in the IVR, agent unknown", async () => {
    expect(await map("ringing-ivr.json")).toEqual({ event: "ringing", ...call, agent: null });
  });

  it("follows one call chain from the extension ringing to the end of the call", async () => {
    expect(await map("ringing-extension.json")).toEqual({ event: "ringing", ...call, agent: "201" });
    expect(await map("pickupincoming.json")).toEqual({ event: "answered", ...call, agent: "201" });
    expect(await map("incoming-ended.json")).toEqual({ event: "ended", ...call, agent: null });
  });

  it("reads the capitalised keys of older versions, and their leg-suffixed ids as one call", async () => {
    const ringing = await map("legacy-ringing-capitalised.json");
    const answered = await map("legacy-incomingcall-started.json");
    expect(ringing).toEqual({ event: "ringing", callId: "250114101500_61", calledNumber: "+33144556677", callerNumber: "+33612345678", agent: "202", at: receivedAt.toISOString() });
    expect(answered).toMatchObject({ event: "answered", callId: "250114101500_61", agent: "202" });
  });

  it("strips a leg suffix only from an id of 3CX's own form: other ids stay whole, distinct calls", () => {
    const ringing = (id: string) => map3cxWebhook(threeCxWebhook.parse({ event: "ringing", usertype: "ext", user: "201", inbound_did: "33144556677", id }), receivedAt);
    const callIdOf = (id: string) => {
      const mapping = ringing(id);
      return "ignored" in mapping ? null : mapping.event.callId;
    };
    expect(callIdOf("250114093000_52-0")).toBe("250114093000_52");
    expect(callIdOf("250114093000_52-17")).toBe("250114093000_52");
    expect(["X-1", "X-2", "X-17", "3cx-1", "250114093000_52"].map(callIdOf)).toEqual(["X-1", "X-2", "X-17", "3cx-1", "250114093000_52"]);
  });

  it("names the agent of a ringing only on a phone (usertype ext), as the protocol says", () => {
    const mapping = map3cxWebhook(threeCxWebhook.parse({ event: "ringing", user: "201", inbound_did: "33144556677", id: "250114093000_52-0" }), receivedAt);
    expect(mapping).toMatchObject({ event: { event: "ringing", agent: null } });
  });

  it("takes a withheld caller as null", async () => {
    expect(await map("ringing-withheld.json")).toMatchObject({ event: "ringing", callerNumber: null, agent: "201" });
  });

  it.each(["incoming-recording.json", "outgoing.json"])("ignores %s, saying why", async (fixture) => {
    expect(await map(fixture)).toEqual({ ignored: expect.any(String) });
  });

  it("refuses a webhook without id", () => {
    expect(threeCxWebhook.safeParse({ event: "ringing", callerid: "0612345678" }).success).toBe(false);
  });
});
