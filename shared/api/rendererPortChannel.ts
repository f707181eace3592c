/**
 * The IPC channel on which Electron main hands the preload its MessagePort to the core. Here in
 * shared/ because main and the preload both need it and neither may import the other.
 */
export const RENDERER_PORT_CHANNEL = "telesec:port";
