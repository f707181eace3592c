import { execFile } from "node:child_process";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "../../db/central/schema";
import { buildServer } from "../../server/app";
import { useFreshDatabases } from "../support/postgres";
import { testClock } from "../support/testClock";

/** `npm run admin`: the first administrator of an agency, and the way back for one who lost her password. */
const freshDatabase = useFreshDatabases();

function admin(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "server/admin/adminCli.ts", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("npm run admin", () => {
  it("creates an administrator whose one-time password opens a session, refuses the login twice, and resets a lost password", { timeout: 60_000 }, async () => {
    const database = await freshDatabase();
    const created = await admin(["--login", "claire", "--name", "Claire Martin"], database.url);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Administrateur « claire » créé\./);
    const password = created.stdout.trim().split("\n").at(-1)!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const [row] = await database.db.select().from(users).where(eq(users.login, "claire"));
    expect(row).toMatchObject({ displayName: "Claire Martin", role: "admin", practiceIds: [], deletedAt: null });
    expect(row!.passwordHash).not.toContain(password);

    const app = await buildServer({ db: database.db, pool: database.pool, clock: testClock() });
    const login = (secret: string) => app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { login: "claire", password: secret, deviceName: "Poste IT" } });
    try {
      expect((await login(password)).statusCode).toBe(200);

      const again = await admin(["--login", "claire", "--name", "Autre"], database.url);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("L'identifiant « claire » est déjà utilisé");

      const reset = await admin(["--login", "claire", "--reset-password"], database.url);
      expect(reset.code, reset.stderr).toBe(0);
      const fresh = reset.stdout.trim().split("\n").at(-1)!;
      expect(fresh).not.toBe(password);
      expect((await login(password)).statusCode).toBe(401);
      expect((await login(fresh)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
    const trail = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, row!.id));
    expect(trail.map((event) => [event.action, event.details])).toEqual(
      expect.arrayContaining([
        ["admin.user.create", { by: "ligne de commande" }],
        ["admin.user.password_reset", { by: "ligne de commande" }],
      ]),
    );
  });

  it("says in French what is missing, and resets only an administrator's password", { timeout: 60_000 }, async () => {
    const database = await freshDatabase();
    const noName = await admin(["--login", "claire"], database.url);
    expect(noName.code).toBe(1);
    expect(noName.stderr).toContain("Précisez le nom affiché");
    const badLogin = await admin(["--login", "c", "--name", "Claire"], database.url);
    expect(badLogin.stderr).toContain("Identifiant : 3 à 50 caractères");
    const unknownFlag = await admin(["--login", "claire", "--role", "admin"], database.url);
    expect(unknownFlag.stderr).toMatch(/^Argument non reconnu/);
    const nobody = await admin(["--login", "personne", "--reset-password"], database.url);
    expect(nobody.stderr).toContain("Aucun compte « personne »");
    await database.db.insert(users).values({ id: crypto.randomUUID(), login: "camille", displayName: "Camille", role: "secretary", practiceIds: [], passwordHash: null });
    // The login is the one the screen would write: lower case.
    const secretary = await admin(["--login", "Camille", "--reset-password"], database.url);
    expect(secretary.code).toBe(1);
    expect(secretary.stderr).toContain("n'est pas un administrateur");
    expect(await database.db.$count(users)).toBe(1);
  });
});
