import { describe, expect, it } from "vitest";
import { asteriskAmiEvent, mapAsteriskEvent } from "../../shared/domain/telephonyAsterisk";
import { telephonyEventBody } from "../../shared/domain/telephonyEvent";

/**
 * A payload recorded under tests/server/fixtures/telephony/. Imported at run time: this folder is
 * type-checked for the browser too, without Node's file system.
 */
async function telephonyFixture(path: string): Promise<unknown> {
  return ((await import(`../server/fixtures/telephony/${path}`)) as { default: unknown }).default;
}

const receivedAt = new Date("2025-01-14T08:35:00Z");

/** The recorded AMI event, mapped, and (when it is one) read as the server reads events. */
async function map(fixture: string) {
  const mapping = mapAsteriskEvent(asteriskAmiEvent.parse(await telephonyFixture(`asterisk/${fixture}`)), receivedAt);
  return "ignored" in mapping ? mapping : telephonyEventBody.parse(mapping.event);
}

describe("the Asterisk AMI adapter", () => {
  it("records the call when the trunk's channel appears, before anyone's phone rings", async () => {
    expect(await map("newchannel-trunk-ring.json")).toEqual({
      event: "ringing",
      callId: "1736843400.84",
      calledNumber: "+33144556677",
      callerNumber: "+33612345678",
      agent: null,
      at: "2025-01-14T08:30:00.102Z",
    });
  });

  it("pops the call for the secretary whose phone rings, then answers it", async () => {
    expect(await map("newstate-phone-ringing.json")).toEqual({
      event: "ringing",
      callId: "1736843400.84",
      // Behind FreePBX's macros the phone's leg carries the extension, not the DID: the call is found by its Linkedid.
      calledNumber: null,
      callerNumber: "+33612345678",
      agent: "201",
      at: "2025-01-14T08:30:01.012Z",
    });
    expect(await map("newstate-phone-up.json")).toMatchObject({ event: "answered", callId: "1736843400.84", agent: "201", at: "2025-01-14T08:30:06.558Z" });
  });

  it("ends the call when the trunk's channel hangs up, not when a phone stops ringing", async () => {
    expect(await map("hangup-trunk.json")).toEqual({ event: "ended", callId: "1736843400.84", calledNumber: null, callerNumber: null, agent: null, at: "2025-01-14T08:32:10.210Z" });
    expect(await map("hangup-phone.json")).toEqual({ ignored: expect.stringContaining("l'appel continue") });
  });

  it("takes a withheld caller as null", async () => {
    expect(await map("newchannel-trunk-withheld.json")).toMatchObject({ event: "ringing", callId: "1736847000.97", callerNumber: null });
  });

  it.each(["newchannel-phone-down.json", "newstate-trunk-up.json", "newchannel-phone-outbound.json", "dialbegin.json"])("ignores %s, saying why", async (fixture) => {
    expect(await map(fixture)).toEqual({ ignored: expect.any(String) });
  });

  it("uses the time received when Asterisk sends no Timestamp, and reads values sent as numbers", async () => {
    const { Timestamp: _, ...untimed } = (await telephonyFixture("asterisk/newstate-phone-ringing.json")) as Record<string, unknown>;
    const mapping = mapAsteriskEvent(asteriskAmiEvent.parse({ ...untimed, ChannelState: 5, ConnectedLineNum: 612345678 }), receivedAt);
    expect(mapping).toMatchObject({ event: { event: "ringing", at: receivedAt.toISOString(), callerNumber: "612345678" } });
  });

  it("recognises a phone behind a Local channel (queues)", async () => {
    const ringing = (await telephonyFixture("asterisk/newstate-phone-ringing.json")) as Record<string, unknown>;
    const mapping = mapAsteriskEvent(asteriskAmiEvent.parse({ ...ringing, Channel: "Local/201@from-queue-0000001a;1" }), receivedAt);
    expect(mapping).toMatchObject({ event: { agent: "201" } });
  });

  it("refuses an event without Uniqueid", () => {
    expect(asteriskAmiEvent.safeParse({ Event: "Newchannel", Channel: "PJSIP/ovh-trunk-0000002a" }).success).toBe(false);
  });
});
