/**
 * A practice's SMS templates (issue 17): French text with a few variables in braces. No health data may
 * travel by SMS — a motif, a specialty or a note tells what the patient consults for — so the check refuses
 * any variable but these, names the ones that would carry health data, and refuses the practitioner's name
 * where the practice chose to leave it out (a name can reveal a specialty).
 */
export const SMS_VARIABLES = {
  cabinet: "le nom du cabinet",
  date: "le jour du rendez-vous (« mardi 15 décembre »)",
  heure: "l'heure du rendez-vous (« 10 h 30 »)",
  praticien: "le praticien (« Dr Perrot »), si le cabinet l'autorise",
  adresse: "l'adresse du cabinet",
  telephone_cabinet: "le numéro du cabinet",
} as const;
export type SmsVariable = keyof typeof SMS_VARIABLES;

/** Variables someone might try that would put health data in the SMS: refused with their reason. */
const HEALTH_VARIABLES = ["motif", "specialite", "spécialité", "note", "notes", "consigne", "message", "examen", "acte", "traitement"];

const VARIABLE = /\{([^{}]*)\}/g;

export interface TemplateCheck {
  ok: boolean;
  /** In French, one per problem, for the template's editor. */
  problems: string[];
}

export function checkSmsTemplate(text: string, options: { practitionerNameAllowed: boolean }): TemplateCheck {
  const problems: string[] = [];
  if (text.trim() === "") problems.push("Le modèle est vide.");
  for (const [, raw] of text.matchAll(VARIABLE)) {
    const name = raw!.trim().toLowerCase();
    if (HEALTH_VARIABLES.includes(name)) problems.push(`{${raw}} ne peut pas figurer dans un SMS : c'est une donnée de santé.`);
    else if (!(name in SMS_VARIABLES)) problems.push(`{${raw}} n'est pas une variable connue (${Object.keys(SMS_VARIABLES).map((known) => `{${known}}`).join(", ")}).`);
    else if (name === "praticien" && !options.practitionerNameAllowed) problems.push("{praticien} : ce cabinet a choisi de ne pas nommer le praticien dans ses SMS.");
  }
  const unbalanced = text.replace(VARIABLE, "");
  if (unbalanced.includes("{") || unbalanced.includes("}")) problems.push("Une accolade n'est pas fermée : écrivez les variables entre { et }.");
  return { ok: problems.length === 0, problems: [...new Set(problems)] };
}

/** The SMS a checked template gives for one appointment. */
export function renderSmsTemplate(text: string, values: Record<SmsVariable, string>): string {
  return text.replace(VARIABLE, (whole, raw: string) => {
    const name = raw.trim().toLowerCase();
    return name in values ? values[name as SmsVariable] : whole;
  });
}
