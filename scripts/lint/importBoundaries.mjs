// The import-boundaries rule of eslint.config.js: each layer of the repository (a folder, or one
// file) lists what it may import, and everything else is refused (VS Code's layering rule). The
// lists themselves live in eslint.config.js; this file only reads an import and checks it.
import { isBuiltin } from "node:module";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

/**
 * @typedef {object} Layer
 * @property {string[]} folders other layers this one may import (its own files always)
 * @property {string[]} packages npm packages this one may import (electron is one of them)
 * @property {boolean} node whether Node's built-in modules are available where it runs
 * @property {string} [why] one French sentence on what the layer is, quoted in every refusal
 */

/** Repository-relative, with forward slashes whatever the platform. */
const toRepoPath = (root, absolute) => relative(root, absolute).split(sep).join("/");

/** The most specific layer holding this path (a layer can sit inside another: server/demo in server). */
export function layerOf(layers, repoPath) {
  let found = null;
  for (const name of Object.keys(layers)) {
    if ((repoPath === name || repoPath.startsWith(`${name}/`)) && (found === null || name.length > found.length)) found = name;
  }
  return found;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageName = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

function allowedText(layer) {
  const parts = [...layer.folders.map((folder) => `${folder}/`)];
  if (layer.node) parts.push("les modules de Node");
  if (layer.packages.length > 0) parts.push(`les paquets ${layer.packages.join(", ")}`);
  return parts.length > 0 ? parts.join(" ; ") : "rien d'autre que ses propres fichiers";
}

/** The string a node imports from, when it is written out (a computed import() cannot be checked). */
function literalSource(node) {
  if (!node) return null;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  if (node.type === "TSLiteralType") return literalSource(node.literal);
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
export const importBoundariesRule = {
  meta: {
    type: "problem",
    docs: { description: "Each layer imports only what its allow-list names (folders, packages, Node built-ins)." },
    schema: [
      {
        type: "object",
        properties: { root: { type: "string" }, layers: { type: "object" } },
        required: ["root", "layers"],
        additionalProperties: false,
      },
    ],
    messages: {
      noLayer: "« {{file}} » n'appartient à aucune couche : déclarez son dossier et ce qu'il peut importer dans eslint.config.js (couches d'import).",
      refused: "Import refusé : {{layer}} ne peut pas importer {{what}}. {{why}}Autorisé ici : {{allowed}} (eslint.config.js, couches d'import).",
    },
  },
  create(context) {
    const { root, layers } = context.options[0];
    // Text fed to ESLint without a path, and files outside the repository, have no layer to check.
    if (!isAbsolute(context.filename)) return {};
    const file = toRepoPath(root, context.filename);
    if (file === "" || file.startsWith("../") || isAbsolute(file)) return {};
    const name = layerOf(layers, file);
    if (name === null) {
      return {
        Program(node) {
          context.report({ node, messageId: "noLayer", data: { file } });
        },
      };
    }
    const layer = layers[name];

    /** What `specifier` reaches, in French, when this layer may not import it; null when it may. */
    function refusal(specifier) {
      if (specifier.startsWith(".") || specifier.startsWith("/")) {
        const target = toRepoPath(root, resolve(dirname(context.filename), specifier));
        if (target.startsWith("../")) return `« ${specifier} », hors du dépôt`;
        const targetLayer = layerOf(layers, target);
        if (targetLayer === null) return `« ${specifier} », qui n'est dans aucune couche`;
        if (targetLayer === name || layer.folders.includes(targetLayer)) return null;
        return `${targetLayer}/ (« ${specifier} »)`;
      }
      // Node resolves a built-in name before any package of the same name.
      if (isBuiltin(specifier)) return layer.node ? null : `le module de Node « ${specifier} »`;
      const pkg = packageName(specifier);
      return layer.packages.includes(pkg) ? null : `le paquet « ${pkg} »`;
    }

    function check(sourceNode) {
      const specifier = literalSource(sourceNode);
      if (specifier === null) return;
      const what = refusal(specifier);
      if (what === null) return;
      context.report({ node: sourceNode, messageId: "refused", data: { layer: `${name}/`, what, why: layer.why ? `${layer.why} ` : "", allowed: allowedText(layer) } });
    }

    // Type-only imports are checked too: they tie a layer to another's code as much as a value does.
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // typescript-eslint 8 names the string `source` (`argument` before, still there but deprecated).
      TSImportType: (node) => check(node.source ?? node.argument),
      TSExternalModuleReference: (node) => check(node.expression),
      CallExpression(node) {
        if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments.length === 1) check(node.arguments[0]);
      },
    };
  },
};

/** The local ESLint plugin eslint.config.js registers as `telesec`. */
export const telesecPlugin = { meta: { name: "telesec" }, rules: { "import-boundaries": importBoundariesRule } };
