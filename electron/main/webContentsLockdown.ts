import type { WebContents } from "electron";
import { isAppOriginUrl } from "./appOrigin";

/**
 * Keeps every page of the app on the app's origin: no navigation away (a link, a redirect, a
 * dropped file), no new windows, no <webview>. Applied to every WebContents the app creates.
 */
export function lockDownWebContents(contents: WebContents): void {
  contents.on("will-navigate", (event) => {
    if (!isAppOriginUrl(event.url)) event.preventDefault();
  });
  contents.on("will-frame-navigate", (event) => {
    if (!isAppOriginUrl(event.url)) event.preventDefault();
  });
  contents.on("will-redirect", (event) => {
    if (!isAppOriginUrl(event.url)) event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: "deny" }));
}
