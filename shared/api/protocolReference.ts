import { z } from "zod";
import { mutationArgs } from "../sync/mutations";
import { HTTP_ROUTES, type RouteAccess } from "./httpRoutes";

/**
 * docs/protocol-reference.md, written from the zod schemas the server checks (HTTP_ROUTES, the
 * mutations): every field with its type and its bounds. Pure: scripts/docs/writeProtocolReference.ts
 * writes it, tests/server/protocolReference.test.ts checks the page is what this gives.
 */
export function renderProtocolReference(): string {
  const lines = [
    "# Référence du protocole (générée)",
    "",
    "<!-- Généré par `npm run docs:protocol` depuis les schémas zod (shared/api/httpRoutes.ts, shared/sync/mutations.ts) : ne pas modifier à la main. -->",
    "",
    "Chaque route et chaque mutation, avec les champs que le serveur accepte : type, obligatoire ou non, bornes.",
    "Le pourquoi, les erreurs et les limites de taille sont dans [protocol.md](protocol.md).",
    "",
    "Accès : **public** (sans jeton), **poste** (`Authorization: Bearer <jeton>`), **administrateur**,",
    "**superviseur ou administrateur** (jeton d'un tel compte), **standard** (`X-Telesec-Pbx-Secret`),",
    "**portail** (cookie `telesec_portail` d'une session de praticien ouverte ; écritures avec `X-CSRF-Token`).",
    "",
    "## Routes",
    "",
  ];
  for (const route of HTTP_ROUTES) {
    lines.push(`### \`${route.method} ${route.path}\``, "", `${route.summary} Accès : ${ACCESS[route.access]}.${route.optional ? " Route facultative." : ""}`, "");
    if (route.query) lines.push("Paramètres de requête :", "", ...fieldTable(route.query), "");
    if (route.body) lines.push("Corps :", "", ...fieldTable(route.body), "");
    if (route.answer) lines.push("Réponse :", "", ...fieldTable(route.answer, "output"), "");
  }
  lines.push("## Mutations (`POST /api/v1/sync/push`, champ `args`)", "");
  for (const [name, schema] of Object.entries(mutationArgs)) lines.push(`### \`${name}\``, "", ...fieldTable(schema), "");
  return `${lines.join("\n").trimEnd()}\n`;
}

const ACCESS: Record<RouteAccess, string> = {
  public: "public",
  workstation: "poste",
  admin: "administrateur",
  supervisor_or_admin: "superviseur ou administrateur",
  pbx: "standard",
  sms_gateway: "passerelle SMS (secret de TELESEC_SMS_WEBHOOK_SECRET dans l'adresse, ou jeton Bearer)",
  portal_pending: "portail, mot de passe donné (cookie en attente du code)",
  portal: "portail (cookie de session ; écritures avec `X-CSRF-Token`)",
};

type Json = Record<string, unknown>;

/** A schema as rows `| champ | type | obligatoire |`, nested objects flattened as `a.b`, alternatives one block each. */
function fieldTable(schema: z.ZodType, io: "input" | "output" = "input"): string[] {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  const rows: string[] = [];
  collect(json, "", true, rows, 0);
  if (rows.length === 0) return [`- ${describe(json)}`];
  return ["| champ | type | obligatoire |", "|---|---|---|", ...rows];
}

function collect(json: Json, prefix: string, required: boolean, rows: string[], depth: number): void {
  const alternatives = (json.oneOf ?? json.anyOf) as Json[] | undefined;
  const objects = alternatives?.filter((alternative) => alternative.type === "object");
  if (objects && objects.length > 1 && depth < 4) {
    objects.forEach((alternative, index) => collect(alternative, prefix === "" ? `(forme ${index + 1})` : `${prefix} (forme ${index + 1})`, required, rows, depth + 1));
    return;
  }
  const object = objects?.length === 1 ? objects[0]! : json;
  const properties = object.properties as Record<string, Json> | undefined;
  if (object.type !== "object" || !properties || depth >= 4) {
    if (prefix !== "") rows.push(`| \`${prefix}\` | ${describe(json)} | ${required ? "oui" : "non"} |`);
    return;
  }
  const mandatory = new Set((object.required as string[] | undefined) ?? []);
  for (const [key, property] of Object.entries(properties)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const nested = nestedObject(property);
    if (nested && depth < 3) {
      rows.push(`| \`${path}\` | ${describe(property)} | ${mandatory.has(key) ? "oui" : "non"} |`);
      collect(property, path, mandatory.has(key), rows, depth + 1);
    }
    else rows.push(`| \`${path}\` | ${describe(property)} | ${mandatory.has(key) ? "oui" : "non"} |`);
  }
}

function nestedObject(json: Json): boolean {
  const alternatives = (json.oneOf ?? json.anyOf) as Json[] | undefined;
  if (alternatives) return alternatives.some((alternative) => alternative.type === "object" && alternative.properties);
  return json.type === "object" && json.properties !== undefined;
}

/** "texte (UUID)", "entier de 1 à 500", "« a », « b »", "liste de …", "… ou null". */
function describe(json: Json): string {
  const alternatives = (json.anyOf ?? json.oneOf) as Json[] | undefined;
  if (alternatives) {
    const parts = [...new Set(alternatives.map(describe))];
    return parts.join(" ou ");
  }
  if (Array.isArray(json.type)) return (json.type as string[]).map((type) => describe({ ...json, type })).join(" ou ");
  if (json.const !== undefined) return `\`${JSON.stringify(json.const)}\``;
  if (Array.isArray(json.enum)) return (json.enum as unknown[]).map((value) => `\`${JSON.stringify(value)}\``).join(", ");
  const bounds = (min: unknown, max: unknown, unit: string) =>
    min !== undefined && max !== undefined ? ` de ${min} à ${max}${unit}` : min !== undefined ? `, ${min}${unit} au moins` : max !== undefined ? `, ${max}${unit} au plus` : "";
  switch (json.type) {
    case "string": {
      const format = FORMATS[json.format as string] ?? (json.pattern ? `motif \`${String(json.pattern).replaceAll("|", "\\|")}\`` : null);
      return `texte${format ? ` (${format})` : ""}${bounds(json.minLength, json.maxLength, " caractères")}`;
    }
    case "integer":
      return `entier${bounds(json.minimum, json.maximum, "")}`;
    case "number":
      return `nombre${bounds(json.minimum, json.maximum, "")}`;
    case "boolean":
      return "booléen";
    case "null":
      return "null";
    case "array":
      return `liste${bounds(json.minItems, json.maxItems, " éléments")} de ${json.items ? describe(json.items as Json) : "valeurs"}`;
    case "object":
      return "objet";
    default:
      return "valeur";
  }
}

const FORMATS: Record<string, string> = { uuid: "UUID", "date-time": "instant ISO 8601", email: "adresse électronique", date: "date AAAA-MM-JJ" };
