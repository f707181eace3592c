/** What this module needs of electron-updater's `autoUpdater`; injected so it is tested without Electron. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  disableDifferentialDownload: boolean;
  setFeedURL(options: { provider: "generic"; url: string; channel?: string | null }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: "update-downloaded", listener: (info: { version: string }) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
}

export interface AutoUpdateOptions {
  log(line: string): void;
  /** Between two checks; 4 h by default (a workstation may stay open for days). */
  intervalMs?: number;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

const DEFAULT_INTERVAL_MS = 4 * 60 * 60 * 1000;

/**
 * Keeps the installed app up to date from the agency's feed (electron-builder's generic provider,
 * served by the central server at /updates/): checked at start and every few hours, downloaded in
 * the background, installed when the app quits — never in the middle of a call. Failures (server
 * unreachable, no feed yet) are only logged: an update is never worth interrupting the secretary.
 * `feedUrl` null: no check at all, and the updater is never made.
 */
export function startAutoUpdates(getUpdater: () => UpdaterLike, feedUrl: string | null, options: AutoUpdateOptions): { stop(): void } {
  const { log } = options;
  if (feedUrl === null) {
    log("mises à jour : aucune source configurée, pas de vérification");
    return { stop() {} };
  }
  // electron-updater makes its platform's updater on first use: not at all without a feed.
  const updater = getUpdater();
  updater.setFeedURL({ provider: "generic", url: feedUrl, channel: "latest" });
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  // Never back to an older version, whatever the feed says.
  updater.allowDowngrade = false;
  // The server's /updates/ answers whole files only (no byte ranges): download the whole installer.
  updater.disableDifferentialDownload = true;
  updater.on("update-downloaded", (info) => log(`mises à jour : version ${info.version} téléchargée, installée à la fermeture de Télésec`));
  updater.on("error", (error) => log(`mises à jour : échec (${shortReason(error)})`));

  const check = () => {
    updater.checkForUpdates().catch((error: unknown) => log(`mises à jour : vérification impossible (${shortReason(error)})`));
  };
  check();
  const every = options.setInterval ?? ((callback: () => void, ms: number) => setInterval(callback, ms).unref());
  const clear = options.clearInterval ?? ((handle: unknown) => clearInterval(handle as ReturnType<typeof setInterval>));
  const timer = every(check, options.intervalMs ?? DEFAULT_INTERVAL_MS);
  return { stop: () => clear(timer) };
}

/** The first line of the reason, short: the feed's address and status say enough. */
function shortReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? "").slice(0, 200);
}
