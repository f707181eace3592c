import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderProtocolReference } from "../../shared/api/protocolReference";

/** `npm run docs:protocol`: writes docs/protocol-reference.md from the schemas (see shared/api/protocolReference.ts). */
const target = join(import.meta.dirname, "..", "..", "docs", "protocol-reference.md");
writeFileSync(target, renderProtocolReference());
console.log(`Écrit : ${target}`);
