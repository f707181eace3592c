import { mkdir } from "node:fs/promises";
import {
  app,
  BrowserWindow,
  dialog,
  MessageChannelMain,
  protocol,
  safeStorage,
  session,
  utilityProcess,
  type MessagePortMain,
} from "electron";
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isTrustedSenderUrl } from "./appOrigin";
import { RENDERER_PORT_CHANNEL } from "../preload/portChannel";
import { appLayout } from "./appLayout";
import { launchCore, type CoreHandle } from "./coreLauncher";
import { coreStartKey } from "./coreStartKey";
import { createRendererRequestHandler } from "./rendererProtocolHandler";
import { safeStorageKeyProvider } from "./safeStorageKeyProvider";
import { denyAllPermissions } from "./sessionLockdown";
import { lockDownWebContents } from "./webContentsLockdown";
import { mainWindowOptions } from "./windowOptions";

/**
 * The Electron main process: glue only. Every decision it applies (window options, CSP, URL
 * resolution, who is trusted, how the key is kept, how the core is started) lives in its own
 * module, tested without Electron.
 */

// Must happen before `ready`: privileges cannot be granted to a scheme afterwards.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

app.on("web-contents-created", (_event, contents) => lockDownWebContents(contents));

let core: CoreHandle<MessagePortMain> | null = null;
let mainWindow: BrowserWindow | null = null;

// Two instances would open the same encrypted store and race on its key.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on("window-all-closed", () => app.quit());
  app.on("before-quit", (event) => {
    if (!core) return;
    const stopping = core;
    core = null;
    event.preventDefault();
    void stopping.stop().finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  const layout = appLayout(app.getAppPath(), app.getPath("userData"));

  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createRendererRequestHandler(layout.rendererRoot));

  await mkdir(layout.dataDir, { recursive: true, mode: 0o700 });
  const keyProvider = safeStorageKeyProvider(safeStorage, layout.keyFile);
  core = launchCore<MessagePortMain>({
    fork: () => utilityProcess.fork(layout.coreModule, [], { serviceName: "Télésec — cœur du poste", stdio: "inherit" }),
    createPortPair: () => new MessageChannelMain(),
    dataDir: layout.dataDir,
    migrationsDir: layout.migrationsDir,
    // Until the machine-wide configuration file exists (deployment issue), the server comes from the
    // environment: `npm start` sets it to the embedded demo server it starts.
    ...(process.env.TELESEC_SERVER_URL ? { serverUrl: process.env.TELESEC_SERVER_URL } : {}),
    startKey: await coreStartKey(layout.databaseFile, keyProvider),
    keyProvider,
    onUnexpectedExit: (code) => {
      core = null;
      dialog.showErrorBox(
        "Télésec s'est arrêté",
        `Le cœur du poste s'est arrêté de façon inattendue (code ${code}). Télésec va se fermer ; relancez-le. Les données déjà enregistrées sont conservées.`,
      );
      app.quit();
    },
    log: (line) => console.error(line),
  });

  mainWindow = new BrowserWindow(mainWindowOptions(layout.preloadScript, { devTools: !app.isPackaged }));
  const window = mainWindow;
  window.on("closed", () => {
    mainWindow = null;
  });
  window.once("ready-to-show", () => window.show());
  // Each load (first one, reload) gets a fresh port; the port goes only to a page of the app's origin.
  window.webContents.on("did-finish-load", () => {
    if (!core || !isTrustedSenderUrl(window.webContents.getURL())) return;
    window.webContents.postMessage(RENDERER_PORT_CHANNEL, null, [core.portForRenderer()]);
  });
  await window.loadURL(APP_ENTRY_URL);
}

function fail(error: unknown): void {
  console.error(error);
  dialog.showErrorBox("Télésec ne peut pas démarrer", `Le démarrage du poste a échoué : ${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
}
