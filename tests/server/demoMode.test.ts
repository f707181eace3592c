import { describe, expect, it } from "vitest";
import { users } from "../../db/central/schema";
import { SEED_USERS } from "../../db/seed/demo";
import { startServer, type RunningServer } from "../../server/startServer";
import { loginResponse } from "../../shared/api/wire";
import { useFreshDatabases } from "../support/postgres";
import { testClock } from "../support/testClock";

const freshDatabase = useFreshDatabases();

async function serving<T>(databaseUrl: string, demo: boolean, use: (server: RunningServer, logs: string[]) => Promise<T>): Promise<T> {
  const logs: string[] = [];
  const server = await startServer({ port: 0, databaseUrl, demo, clock: testClock(), log: (line) => logs.push(line) });
  try {
    return await use(server, logs);
  } finally {
    await server.close();
  }
}

const logIn = (url: string, login: string, password: string) =>
  fetch(new URL("/api/v1/auth/login", url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password, deviceName: "Poste de test" }),
  });

describe("demo mode", () => {
  it("creates the demo agency once, with its four users, the doctor's portal account, and the password « demo »", async () => {
    const { url: databaseUrl } = await freshDatabase();
    await serving(databaseUrl, true, async (server, logs) => {
      expect(logs.join("\n")).toMatch(/agence créée \(20 cabinets, 4\s000 patients\).*secretaire, secretaire2, superviseur, admin — mot de passe « demo »/);
      const sessions = new Map<string, ReturnType<typeof loginResponse.parse>>();
      for (const { login } of SEED_USERS) {
        const response = await logIn(server.url, login, "demo");
        expect(response.status, login).toBe(200);
        sessions.set(login, loginResponse.parse(await response.json()));
        expect((await logIn(server.url, login, "Demo")).status).toBe(401);
      }
      expect(sessions.get("secretaire")?.user).toMatchObject({ role: "secretary", name: "Camille Laurent" });
      expect(sessions.get("secretaire")?.user.practiceIds).toHaveLength(20);
      expect(sessions.get("secretaire2")?.user.practiceIds).toHaveLength(10);
      expect(sessions.get("superviseur")?.user.role).toBe("supervisor");
      expect(sessions.get("admin")?.user.role).toBe("admin");
      // The doctor's account opens the portal, not a workstation; its TOTP secret is said at start.
      expect((await logIn(server.url, "praticien", "demo")).status).toBe(403);
      expect(logs.join("\n")).toMatch(/portail des praticiens sur \/portail\/, compte « praticien » \(mot de passe « demo »\) d'un médecin du Cabinet médical des Tilleuls, second facteur : secret TOTP [A-Z2-7]{32}/);
    });
    await serving(databaseUrl, true, async (server, logs) => {
      expect(logs.join("\n")).toMatch(/contient déjà des cabinets, elle est laissée telle quelle/);
      expect(await server.db.$count(users)).toBe(SEED_USERS.length + 1);
      expect(logs.join("\n")).toMatch(/secret TOTP/);
    });
  });

  it("is the only way the demo users come to exist", async () => {
    const { url: databaseUrl } = await freshDatabase();
    await serving(databaseUrl, false, async (server, logs) => {
      expect(logs).toEqual([]);
      expect(await server.db.$count(users)).toBe(0);
      expect((await logIn(server.url, "secretaire", "demo")).status).toBe(401);
    });
  });
});
