import type { BrowserWindowConstructorOptions } from "electron";

/**
 * The main window. The page gets no Node, runs sandboxed in its own JavaScript world, and keeps
 * the web's same-origin rules; the preload's one `window.telesec` object is all it can reach.
 */
export function mainWindowOptions(preloadPath: string, options: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    title: "Télésec",
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    // Shown on ready-to-show, so the secretary never sees a blank white frame.
    show: false,
    backgroundColor: "#ffffff",
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: options.devTools,
    },
  };
}
