import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { sharedBuffersMb, startEmbeddedPostgres } from "../../db/central/embedded/embeddedPostgres";
import { findFreePort } from "../../db/central/embedded/freePort";
import { StartupError } from "../../db/central/startupError";
import { usePostgresDataDirs } from "../support/postgres";

const dataDir = usePostgresDataDirs();
const runningAsRoot = process.getuid?.() === 0;

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** In pages of 8 kB in pg_settings; SHOW would say "1GB" as well as "512MB". */
const SHARED_BUFFERS_MB = "SELECT setting::int * 8 / 1024 AS mb FROM pg_settings WHERE name = 'shared_buffers'";

describe("embedded PostgreSQL", () => {
  it("gives the server's own cluster a quarter of the memory for its page cache, 128 MB to 1 GB; test clusters keep the default", async () => {
    const GIB = 1024 ** 3;
    expect(sharedBuffersMb(24 * GIB)).toBe(1024);
    expect(sharedBuffersMb(2 * GIB)).toBe(512);
    expect(sharedBuffersMb(GIB / 4)).toBe(128);
    const durable = await startEmbeddedPostgres({ dataDir: dataDir(), durable: true });
    try {
      expect(await query(durable.url, SHARED_BUFFERS_MB)).toEqual([{ mb: sharedBuffersMb(totalmem()) }]);
    } finally {
      await durable.stop();
    }
    const throwaway = await startEmbeddedPostgres({ dataDir: dataDir(), durable: false });
    try {
      expect(await query(throwaway.url, SHARED_BUFFERS_MB)).toEqual([{ mb: 128 }]);
    } finally {
      await throwaway.stop();
    }
  });

  it("initialises its cluster once, then keeps data and credentials across restarts", async () => {
    const dir = dataDir();
    const first = await startEmbeddedPostgres({ dataDir: dir, durable: false });
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('toujours là')");
    await first.stop();
    expect(existsSync(join(dir, "postgres", "postmaster.pid"))).toBe(false);

    const credentialsFile = join(dir, "postgres-credentials.json");
    expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
    const credentials = JSON.parse(readFileSync(credentialsFile, "utf8")) as { user: string; password: string };
    expect(credentials.password.length).toBeGreaterThanOrEqual(32);

    const second = await startEmbeddedPostgres({ dataDir: dir, durable: false });
    try {
      expect(new URL(second.url)).toMatchObject({ hostname: "127.0.0.1", username: credentials.user, password: credentials.password, pathname: "/telesec" });
      expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "toujours là" }]);
    } finally {
      await second.stop();
    }
  });

  it("creates the missing folders of its data folder traversable (0755), whatever the umask", async () => {
    const base = dataDir();
    const nested = join(base, "agence", "serveur");
    const previousUmask = process.umask(0o077);
    try {
      const postgres = await startEmbeddedPostgres({ dataDir: nested, durable: false });
      await postgres.stop();
    } finally {
      process.umask(previousUmask);
    }
    expect(statSync(join(base, "agence")).mode & 0o777).toBe(0o755);
    expect(statSync(nested).mode & 0o777).toBe(0o755);
  });

  it.runIf(runningAsRoot)("says in French which folder the postgres user cannot get through", async () => {
    // mkdtemp's 0700: as root, PostgreSQL runs as `postgres` and could not reach the cluster.
    const privateFolder = mkdtempSync(join(tmpdir(), "telesec-private-"));
    try {
      const refusal = await startEmbeddedPostgres({ dataDir: join(privateFolder, "donnees"), durable: false }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(StartupError);
      expect((refusal as Error).message).toMatch(
        new RegExp(`^Le dossier ${privateFolder} n'est pas accessible à l'utilisateur système « postgres » \\(droits 700\\).*chmod o\\+x`, "s"),
      );
      expect(existsSync(join(privateFolder, "donnees", "postgres"))).toBe(false);
    } finally {
      rmSync(privateFolder, { recursive: true, force: true });
    }
  });

  it("refuses a cluster whose credentials file is gone, rather than making new ones", async () => {
    const dir = dataDir();
    await (await startEmbeddedPostgres({ dataDir: dir, durable: false })).stop();
    rmSync(join(dir, "postgres-credentials.json"));
    await expect(startEmbeddedPostgres({ dataDir: dir, durable: false })).rejects.toThrow(/postgres-credentials\.json a disparu/);
  });

  it("explains in French that its port is taken", async () => {
    const port = await findFreePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    try {
      const refusal = startEmbeddedPostgres({ dataDir: dataDir(), port, durable: false });
      await expect(refusal).rejects.toThrow(StartupError);
      await expect(refusal).rejects.toThrow(new RegExp(`^PostgreSQL n'a pas démarré : le port ${port} est déjà utilisé`));
    } finally {
      squatter.close();
    }
  });
});
