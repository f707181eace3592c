import { describe, expect, it } from "vitest";
import { brevoEvent } from "../../server/sms/brevoWebhooks";
import { ovhReceiptEvent, ovhReplyEvent } from "../../server/sms/ovhWebhooks";
import { brevoSmsEvent, ovhReceipt } from "../../shared/api/smsWebhooks";

/** Issue 17: each gateway's receipts and replies, mapped onto one form of event. */
const NOW = new Date("2026-11-23T09:00:00Z");

describe("OVHcloud's receipts and replies", () => {
  it("read the DLR state from `description` or `dlr`: 1 delivered, 2 and 16 failed with the ptt's words, the rest on its way", () => {
    const receipt = (query: Record<string, string>) => ovhReceiptEvent(ovhReceipt.parse(query), NOW);
    expect(receipt({ id: "42", description: "1", ptt: "0" })).toEqual({ kind: "delivered", gatewayRef: "ovh-42", at: NOW });
    expect(receipt({ id: "42", dlr: "1" })).toEqual({ kind: "delivered", gatewayRef: "ovh-42", at: NOW });
    expect(receipt({ id: "42", description: "2", ptt: "23" })).toEqual({ kind: "failed", gatewayRef: "ovh-42", reason: "OVHcloud : SMS non remis (numéro invalide ou bloqué)." });
    expect(receipt({ id: "42", description: "16", ptt: "99" })).toEqual({ kind: "failed", gatewayRef: "ovh-42", reason: "OVHcloud : SMS non remis (code 99)." });
    expect(receipt({ id: "42", description: "2", descriptionDlr: "Failed" })).toEqual({ kind: "failed", gatewayRef: "ovh-42", reason: "OVHcloud : SMS non remis (Failed)." });
    for (const state of ["0", "4", "8"]) expect(receipt({ id: "42", description: state })).toEqual({ kind: "pending" });
    expect(ovhReceipt.safeParse({ id: "42; DROP" }).success).toBe(false);
  });

  it("take a STOP from the patient's number however OVHcloud writes it, and nothing from another answer", () => {
    const reply = (senderid: string, message: string) => ovhReplyEvent({ senderid, message });
    expect(reply("0033612345670", "STOP")).toEqual({ kind: "stop", number: "+33612345670" });
    expect(reply("+33612345670", "arrêt")).toEqual({ kind: "stop", number: "+33612345670" });
    expect(reply("0612345670", "stop merci")).toEqual({ kind: "stop", number: "+33612345670" });
    expect(reply("0033612345670", "Merci")).toEqual({ kind: "pending" });
    expect(reply("pas un numéro", "STOP")).toEqual({ kind: "pending" });
  });
});

describe("Brevo's events", () => {
  const event = (fields: Record<string, unknown>) => brevoEvent(brevoSmsEvent.parse(fields), NOW);

  it("take the event from msg_status however Brevo spells it", () => {
    expect(event({ msg_status: "delivered", messageId: 7, ts_event: 1_795_424_431 })).toEqual({ kind: "delivered", gatewayRef: "brevo-7", at: new Date(1_795_424_431_000) });
    expect(event({ msg_status: "delivered", messageId: "7" })).toEqual({ kind: "delivered", gatewayRef: "brevo-7", at: NOW });
    expect(event({ msg_status: "hardBounce", messageId: 7 })).toEqual({ kind: "failed", gatewayRef: "brevo-7", reason: "Brevo : SMS non remis (numéro injoignable)." });
    expect(event({ msg_status: "soft_bounce", messageId: 7, description: "Absent subscriber" })).toEqual({
      kind: "failed",
      gatewayRef: "brevo-7",
      reason: "Brevo : SMS non remis (téléphone injoignable pour l'instant — Absent subscriber).",
    });
    expect(event({ msg_status: "unsubscribe", to: "33612345670" })).toEqual({ kind: "stop", number: "+33612345670" });
    expect(event({ msg_status: "replied", to: "33612345670", reply: "Stop" })).toEqual({ kind: "stop", number: "+33612345670" });
    expect(event({ msg_status: "reply", to: "33612345670", reply: "À jeudi" })).toEqual({ kind: "pending" });
    for (const status of ["sent", "accepted", "constructor", "toString"]) expect(event({ msg_status: status, messageId: 7 })).toEqual({ kind: "pending" });
  });
});
