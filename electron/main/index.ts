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
import { RENDERER_PORT_CHANNEL } from "../../shared/api/rendererPortChannel";
import { appLayout, nativeSqliteBinding } from "./appLayout";
import { autoUpdater } from "electron-updater";
import { describeMachineConfigError } from "../../shared/config/machineConfig";
import { readMachineConfig } from "../core/config/readMachineConfig";
import { startAutoUpdates } from "./autoUpdates";
import { launchCore, type CoreConfigErrorStart, type CoreHandle, type CoreWorkstationStart } from "./coreLauncher";
import { coreServerUrl, machineConfigFile, updateFeedUrl, windowTitle } from "./machineSettings";
import { windowsInstallKind } from "./installKind";
import { readWindowsProgramData } from "./windowsProgramData";
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
  const surroundings = {
    platform: process.platform,
    env: process.env,
    packaged: app.isPackaged,
    machineProgramData: process.platform === "win32" && app.isPackaged ? readWindowsProgramData() : null,
    ...(process.platform === "win32" && app.isPackaged ? { windowsInstall: windowsInstallKind(process.execPath, app.getName()) } : {}),
  };
  const log = (line: string) => console.error(line);

  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createRendererRequestHandler(layout.rendererRoot));

  // The agency's machine-wide configuration. Wrong, the core opens nothing and the window says why.
  const machine = await readMachineConfig(machineConfigFile(surroundings));
  log(machine.ok ? `configuration du poste : ${machine.config.source === "file" ? machine.config.file : "valeurs par défaut"}` : describeMachineConfigError(machine.error));
  const keyProvider = safeStorageKeyProvider(safeStorage, layout.keyFile);
  let coreStart: CoreWorkstationStart | CoreConfigErrorStart;
  if (machine.ok) {
    await mkdir(layout.dataDir, { recursive: true, mode: 0o700 });
    const serverUrl = coreServerUrl(machine.config, surroundings);
    coreStart = {
      dataDir: layout.dataDir,
      migrationsDir: layout.migrationsDir,
      nativeBinding: nativeSqliteBinding({ packaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath, platform: process.platform, arch: process.arch }),
      ...(serverUrl ? { serverUrl } : {}),
      autoLockMinutes: machine.config.autoLockMinutes,
      startKey: await coreStartKey(layout.databaseFile, keyProvider),
    };
    startAutoUpdates(() => autoUpdater, updateFeedUrl(machine.config, surroundings), { log });
  } else {
    coreStart = { configError: machine.error };
  }

  core = launchCore<MessagePortMain>({
    fork: () => utilityProcess.fork(layout.coreModule, [], { serviceName: "Télésec — cœur du poste", stdio: "inherit" }),
    createPortPair: () => new MessageChannelMain(),
    ...coreStart,
    keyProvider,
    onUnexpectedExit: (code) => {
      core = null;
      dialog.showErrorBox(
        "Télésec s'est arrêté",
        `Le cœur du poste s'est arrêté de façon inattendue (code ${code}). Télésec va se fermer ; relancez-le. Les données déjà enregistrées sont conservées.`,
      );
      app.quit();
    },
    log,
  });

  const title = windowTitle(machine.ok ? machine.config : null);
  mainWindow = new BrowserWindow({ ...mainWindowOptions(layout.preloadScript, { devTools: !app.isPackaged }), title });
  const window = mainWindow;
  // The page's own <title> would replace the agency's name.
  window.on("page-title-updated", (event) => event.preventDefault());
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
