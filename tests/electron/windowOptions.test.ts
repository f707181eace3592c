import { describe, expect, it } from "vitest";
import { mainWindowOptions } from "../../electron/main/windowOptions";

describe("mainWindowOptions", () => {
  const options = mainWindowOptions("/app/dist/electron/preload.cjs", { devTools: false });
  const web = options.webPreferences ?? {};

  it("isolates and sandboxes the page, without Node", () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it("keeps the web's security rules and refuses webviews and insecure content", () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it("loads the given preload and follows the devTools choice", () => {
    expect(web.preload).toBe("/app/dist/electron/preload.cjs");
    expect(web.devTools).toBe(false);
    expect(mainWindowOptions("/p.cjs", { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it("waits for ready-to-show before appearing", () => {
    expect(options.show).toBe(false);
  });
});
