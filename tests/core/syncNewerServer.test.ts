import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/central/schema";
import { eventually } from "../support/eventually";
import { useSyncWorld } from "../support/syncWorld";

/**
 * A server newer than the workstation (it knows a role this version does not): the pull stops with
 * « mettez ce poste à jour » in the sync status, nothing of the page written, and resumes by itself
 * once the rows are ones this version can read.
 */
const world = useSyncWorld();

describe("a server newer than the workstation", () => {
  it("stops the pull saying to update the workstation, keeps what waits to be sent, and resumes when it can read again", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const { workstation } = await world.workstation(server.url, "secretaire");

    // A colleague of the Tilleuls with a role only a newer version knows: written as a newer server would.
    const colleague = randomUUID();
    await database.db.execute(
      sql`INSERT INTO "user" (id, login, display_name, role, practice_ids, password_hash) VALUES (${colleague}, 'futur', 'Compte du futur', 'role_futur', ${JSON.stringify([fixture.tilleuls.practiceId])}::jsonb, 'x')`,
    );
    // A change made meanwhile on the workstation: pushed (the push comes before the pull), never lost.
    await workstation.handlers["mutations.apply"]({
      name: "message.create",
      args: { id: randomUUID(), practiceId: fixture.tilleuls.practiceId, practitionerId: null, patientId: null, callId: null, callerName: "Mme Test", callbackNumber: null, category: "rappel", urgency: "normale", text: "Rappeler" },
    });

    let status = await workstation.handlers["sync.status"]({});
    await eventually(async () => {
      status = await workstation.handlers["sync.now"]({});
      return status.state === "refused";
    }, 30_000);
    expect(status.pendingCount).toBe(0);
    expect(status.problem).toMatch(/^Le serveur de l'agence est plus récent que ce poste \(valeur « role_futur » de user\.role inconnue ici\) : mettez ce poste à jour\./);

    await database.db.update(users).set({ role: "secretary" }).where(eq(users.id, colleague));
    await eventually(async () => {
      status = await workstation.handlers["sync.now"]({});
      return status.state === "online";
    }, 30_000);
    expect(status.problem).toBeNull();
  });
});
