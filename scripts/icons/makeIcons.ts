import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { iconFiles } from "./iconFiles";

/** `npm run icons`: writes build/icon.png, icon.ico and icon.icns (tests/packaging checks they are current). */
const build = fileURLToPath(new URL("../../build/", import.meta.url));
for (const [name, bytes] of Object.entries(iconFiles())) {
  writeFileSync(join(build, name), bytes);
  console.log(`${name} : ${bytes.length} octets`);
}
