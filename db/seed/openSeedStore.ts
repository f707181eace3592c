import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { keyFileProvider } from "../local/keyFileProvider";
import { openLocalStore, type LocalStore } from "../local/openLocalStore";
import { SeedError } from "./seedError";

/** Where a data directory keeps its store and the store's key. */
export function seedStorePaths(dataDir: string) {
  return { database: join(dataDir, "telesec.db"), key: join(dataDir, "store.key") };
}

/**
 * Opens the encrypted store of `dataDir` for seeding. A new directory gets a new key; a store
 * whose key is gone cannot be read, and a store that already holds practices is left alone:
 * the seed never mixes demo data into real or earlier data.
 */
export async function openSeedStore(dataDir: string): Promise<LocalStore> {
  const paths = seedStorePaths(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const keys = keyFileProvider(paths.key);
  let key = await keys.readKey();
  if (!key) {
    if (existsSync(paths.database)) {
      throw new SeedError(
        `La base ${paths.database} existe mais sa clé ${paths.key} est introuvable : elle ne peut pas être déchiffrée. ` +
          "Restaurez le fichier de clé, ou supprimez le dossier pour repartir de zéro.",
      );
    }
    key = await keys.createKey();
  }
  const store = openLocalStore({ path: paths.database, key });
  const practiceCount = store.sqlite.prepare("SELECT count(*) FROM practice").pluck().get() as number;
  if (practiceCount > 0) {
    store.close();
    throw new SeedError(
      `La base ${paths.database} contient déjà ${practiceCount} cabinet(s) : le jeu de démonstration ne s'ajoute pas à des données existantes. ` +
        "Choisissez un dossier vide ou supprimez celui-ci.",
    );
  }
  return store;
}
