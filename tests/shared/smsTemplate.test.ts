import { describe, expect, it } from "vitest";
import { checkSmsTemplate, renderSmsTemplate } from "../../shared/domain/smsTemplate";

const allowed = { practitionerNameAllowed: true };

describe("an SMS template", () => {
  it("takes the known variables and renders them", () => {
    const template = "{cabinet} : rendez-vous le {date} à {heure} avec {praticien}, {adresse}. Empêchement : {telephone_cabinet}.";
    expect(checkSmsTemplate(template, allowed)).toEqual({ ok: true, problems: [] });
    expect(
      renderSmsTemplate(template, {
        cabinet: "Cabinet des Tilleuls",
        date: "mardi 15 décembre",
        heure: "10 h 30",
        praticien: "Dr Perrot",
        adresse: "3 rue des Lilas, Lyon",
        telephone_cabinet: "04 78 00 00 01",
      }),
    ).toBe("Cabinet des Tilleuls : rendez-vous le mardi 15 décembre à 10 h 30 avec Dr Perrot, 3 rue des Lilas, Lyon. Empêchement : 04 78 00 00 01.");
  });

  it("refuses health data, unknown variables and unclosed braces, saying why in French", () => {
    expect(checkSmsTemplate("Votre {motif} le {date}", allowed).problems).toEqual(["{motif} ne peut pas figurer dans un SMS : c'est une donnée de santé."]);
    expect(checkSmsTemplate("Chez le {Specialite}", allowed).problems).toEqual(["{Specialite} ne peut pas figurer dans un SMS : c'est une donnée de santé."]);
    expect(checkSmsTemplate("{note}", allowed).ok).toBe(false);
    expect(checkSmsTemplate("Bonjour {prenom}", allowed).problems[0]).toMatch(/^\{prenom\} n'est pas une variable connue \(\{cabinet\}, \{date\}/);
    expect(checkSmsTemplate("Le {date à {heure}", allowed).problems).toContain("Une accolade n'est pas fermée : écrivez les variables entre { et }.");
    expect(checkSmsTemplate("   ", allowed).problems).toEqual(["Le modèle est vide."]);
  });

  it("refuses the practitioner's name where the practice leaves it out", () => {
    expect(checkSmsTemplate("Avec {praticien} le {date}", { practitionerNameAllowed: false }).problems).toEqual([
      "{praticien} : ce cabinet a choisi de ne pas nommer le praticien dans ses SMS.",
    ]);
  });
});
