import { contextBridge, ipcRenderer } from "electron";
import { createRpcClient } from "../../shared/api/rpcClient";
import { crossWorldBridge } from "./crossWorldBridge";
import { deferredChannel } from "../../shared/api/deferredChannel";
import { domMessagePortChannel } from "./domMessagePortChannel";
import { RENDERER_PORT_CHANNEL } from "../../shared/api/rendererPortChannel";

/**
 * The preload: puts one object, `window.telesec`, on the page and nothing else. Calls travel over
 * a MessagePort straight to the workstation core; main only hands the port over, once per load.
 */

const channel = deferredChannel();

// Only main can send on ipcRenderer, so this message needs no sender check.
ipcRenderer.on(RENDERER_PORT_CHANNEL, (event) => {
  const port = event.ports[0];
  if (port) channel.connect(domMessagePortChannel(port));
});

contextBridge.exposeInMainWorld("telesec", crossWorldBridge(createRpcClient(channel)));
