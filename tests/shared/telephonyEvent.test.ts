import { describe, expect, it } from "vitest";
import { describeIssues } from "../../shared/domain/frenchValidation";
import { isWithheldNumber, telephonyEventBody } from "../../shared/domain/telephonyEvent";

const ringing = { event: "ringing", callId: "1736843400.84", calledNumber: "0144556677", callerNumber: "0612345678", agent: "secretaire", at: "2025-01-14T09:30:00+01:00" };

describe("the normalised telephony event", () => {
  it.each(["01 44 55 66 77", "0144556677", "+33 1 44 55 66 77", "0033144556677", "01.44.55.66.77", "+33144556677"])("reads the dialled number %j as E.164", (calledNumber) => {
    expect(telephonyEventBody.parse({ ...ringing, calledNumber }).calledNumber).toBe("+33144556677");
  });

  it.each([null, undefined, "", "anonymous", "Anonymous", "withheld", "unknown", "<unknown>", "masqué", "private"])("takes the withheld caller %j as null", (callerNumber) => {
    expect(telephonyEventBody.parse({ ...ringing, callerNumber }).callerNumber).toBeNull();
    expect(typeof callerNumber !== "string" || isWithheldNumber(callerNumber)).toBe(true);
  });

  it("normalises the caller too, and accepts numbers sent as JSON numbers", () => {
    expect(telephonyEventBody.parse({ ...ringing, callerNumber: "06 12 34 56 78" }).callerNumber).toBe("+33612345678");
    expect(telephonyEventBody.parse({ ...ringing, callId: 1839402017 }).callId).toBe("1839402017");
  });

  it.each([["3949", "3949"], ["12", "12"], ["+99 123", "+99123"], ["(201)", "201"]])("keeps a caller %j that is no phone number as its digits, so the call still pops", (callerNumber, digits) => {
    expect(telephonyEventBody.parse({ ...ringing, callerNumber }).callerNumber).toBe(digits);
  });

  it("lets later events leave the dialled number and the agent out", () => {
    expect(telephonyEventBody.parse({ event: "ended", callId: "x", at: "2025-01-14T08:32:10Z" })).toEqual({
      event: "ended",
      callId: "x",
      calledNumber: null,
      callerNumber: null,
      agent: null,
      at: "2025-01-14T08:32:10Z",
    });
  });

  it.each([
    [{ ...ringing, event: "hold" }, /event.*Événement inconnu/],
    [{ ...ringing, calledNumber: "01 44" }, /calledNumber.*Numéro appelé illisible : « 01 44 »/],
    [{ ...ringing, callerNumber: "abc" }, /callerNumber.*Numéro de l'appelant illisible/],
    [{ ...ringing, callId: " " }, /callId.*Identifiant d'appel manquant/],
    [{ ...ringing, at: "14/01/2025 09:30" }, /at.*Instant illisible/],
  ])("refuses %j in French", (body, message) => {
    const parsed = telephonyEventBody.safeParse(body);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssues(parsed.error, " — ")).toMatch(message);
  });
});
