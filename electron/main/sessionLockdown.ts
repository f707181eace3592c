import type { Session } from "electron";

/**
 * The page asks for nothing: camera, microphone, notifications, geolocation, USB, clipboard
 * reading… are all refused, whether asked for or merely checked. Whatever the workstation needs
 * from the OS goes through the main process.
 */
export function denyAllPermissions(
  session: Pick<Session, "setPermissionRequestHandler" | "setPermissionCheckHandler" | "setDevicePermissionHandler">,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
