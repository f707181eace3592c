/** The IPC channel on which main hands the preload its MessagePort to the core (main imports this too). */
export const RENDERER_PORT_CHANNEL = "telesec:port";
