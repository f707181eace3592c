import { resolveRendererPath, type RendererFileResolution } from "../core/host/rendererFiles";
import { isAppOriginUrl } from "./appOrigin";

export type { RendererFileResolution };

/** Maps an app://telesec URL to a file of the built renderer; any other origin is refused. */
export function resolveRendererFile(requestUrl: string, rendererRoot: string): RendererFileResolution {
  if (!isAppOriginUrl(requestUrl)) return { kind: "refused", reason: "origine étrangère" };
  return resolveRendererPath(new URL(requestUrl).pathname, rendererRoot);
}
