import { describe, expect, it } from "vitest";
import { smsLength } from "../../shared/domain/smsParts";

describe("an SMS's length in parts", () => {
  it("counts GSM-7 text as 160 characters in one part, 153 a part beyond", () => {
    expect(smsLength("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, parts: 1, outsideGsm7: [] });
    expect(smsLength("a".repeat(161)).parts).toBe(2);
    expect(smsLength("a".repeat(306)).parts).toBe(2);
    expect(smsLength("a".repeat(307)).parts).toBe(3);
    expect(smsLength("").parts).toBe(0);
  });

  it("keeps the French letters GSM-7 has (é è à ù É Ç), and counts the extension's characters twice", () => {
    expect(smsLength("Rendez-vous confirmé à 10:30, Cabinet du Dr Léa Müller.").encoding).toBe("GSM-7");
    expect(smsLength("Tarif : 25 €")).toMatchObject({ encoding: "GSM-7", units: 13 });
    expect(smsLength("€".repeat(80))).toMatchObject({ units: 160, parts: 1 });
    expect(smsLength("€".repeat(81)).parts).toBe(2);
  });

  it("sends in UCS-2 as soon as one letter GSM-7 lacks comes (ê, ç…), 70 characters in one part, 67 beyond, and names it", () => {
    const text = "Votre rendez-vous est confirmé ; arrivez cinq minutes à l'avance, merci. Ça commence à 10 h.";
    expect(smsLength(text)).toMatchObject({ encoding: "GSM-7" });
    expect(smsLength("Vous êtes attendu")).toEqual({ encoding: "UCS-2", units: 17, parts: 1, outsideGsm7: ["ê"] });
    expect(smsLength("ç".repeat(70)).parts).toBe(1);
    expect(smsLength("ç".repeat(71)).parts).toBe(2);
    expect(smsLength("ç".repeat(134)).parts).toBe(2);
    expect(smsLength("ç".repeat(135)).parts).toBe(3);
  });
});
