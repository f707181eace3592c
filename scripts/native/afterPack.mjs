// electron-builder's afterPack hook (electron-builder.yml): an app without the Electron build of the
// SQLite module cannot open its store, and electron-builder only warns when extraResources' folder is
// missing (electron-builder run by hand, without `npm run package`). Refused here, before signing.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BINDING_FILE } from "./paths.mjs";

export async function afterPack(context) {
  const shipped = join(context.packager.getResourcesDir(context.appOutDir), "native", BINDING_FILE);
  if (!existsSync(shipped)) {
    throw new Error(`Module SQLite chiffré absent du paquet (${shipped}) : lancez \`npm run package\`, qui le construit pour Electron avant electron-builder.`);
  }
}
