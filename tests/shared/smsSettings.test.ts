import { describe, expect, it } from "vitest";
import { DEFAULT_SMS_SETTINGS, SMS_KINDS, smsSettings } from "../../shared/domain/smsSettings";
import { smsLength } from "../../shared/domain/smsParts";
import { renderSmsTemplate } from "../../shared/domain/smsTemplate";

const example = { cabinet: "Cabinet médical des Tilleuls", date: "mardi 15 décembre", heure: "10 h 30", praticien: "Dr Perrot", adresse: "12 rue des Tilleuls, 69003 Lyon", telephone_cabinet: "04 78 00 00 01" };

describe("a practice's SMS settings", () => {
  it("are valid by default, and each default template makes one GSM-7 part for a usual practice", () => {
    expect(smsSettings.safeParse(DEFAULT_SMS_SETTINGS).success).toBe(true);
    for (const kind of SMS_KINDS) expect(smsLength(renderSmsTemplate(DEFAULT_SMS_SETTINGS.templates[kind], example)), kind).toMatchObject({ encoding: "GSM-7", parts: 1 });
  });

  it("refuse a template naming the practitioner when the practice does not, health data, a bad sender, an hour out of the window", () => {
    const named = { ...DEFAULT_SMS_SETTINGS, templates: { ...DEFAULT_SMS_SETTINGS.templates, reminder: "Rappel : {date} avec {praticien}" } };
    const refused = smsSettings.safeParse(named);
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((issue) => issue.message)).toEqual(["Rappel : {praticien} : ce cabinet a choisi de ne pas nommer le praticien dans ses SMS."]);
    expect(smsSettings.safeParse({ ...named, practitionerNamed: true }).success).toBe(true);
    expect(smsSettings.safeParse({ ...DEFAULT_SMS_SETTINGS, templates: { ...DEFAULT_SMS_SETTINGS.templates, confirmation: "Votre {motif}" } }).error!.issues[0]!.message).toBe(
      "Confirmation : {motif} ne peut pas figurer dans un SMS : c'est une donnée de santé.",
    );
    for (const senderName of ["CabinetDesTilleuls", "Cabinet é", "12345", ""]) expect(smsSettings.safeParse({ ...DEFAULT_SMS_SETTINGS, senderName }).success, senderName).toBe(false);
    expect(smsSettings.safeParse({ ...DEFAULT_SMS_SETTINGS, senderName: "Tilleuls" }).success).toBe(true);
    for (const reminderHour of [7, 20, 18.5]) expect(smsSettings.safeParse({ ...DEFAULT_SMS_SETTINGS, reminderHour }).success, String(reminderHour)).toBe(false);
  });
});
