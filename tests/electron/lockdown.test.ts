import type { Session, WebContents } from "electron";
import { describe, expect, it, vi } from "vitest";
import { denyAllPermissions } from "../../electron/main/sessionLockdown";
import { lockDownWebContents } from "../../electron/main/webContentsLockdown";

type Listener = (event: { url?: string; preventDefault: () => void }) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url?: string) => {
    const preventDefault = vi.fn();
    for (const listener of listeners.get(event) ?? []) listener({ url, preventDefault });
    return { prevented: preventDefault.mock.calls.length > 0, listened: (listeners.get(event) ?? []).length > 0 };
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe("lockDownWebContents", () => {
  it("lets the page move within the app's origin", () => {
    const { contents, fire } = fakeWebContents();
    lockDownWebContents(contents);
    expect(fire("will-navigate", "app://telesec/agenda")).toEqual({ prevented: false, listened: true });
    expect(fire("will-frame-navigate", "app://telesec/index.html")).toEqual({ prevented: false, listened: true });
  });

  it.each(["https://phishing.example/", "file:///etc/passwd", "app://other/", "javascript:alert(1)", "not a url"])(
    "stops navigation and redirects to %s",
    (url) => {
      const { contents, fire } = fakeWebContents();
      lockDownWebContents(contents);
      expect(fire("will-navigate", url).prevented).toBe(true);
      expect(fire("will-frame-navigate", url).prevented).toBe(true);
      expect(fire("will-redirect", url).prevented).toBe(true);
    },
  );

  it("denies every new window, even of the app's own origin", () => {
    const { contents, open } = fakeWebContents();
    lockDownWebContents(contents);
    expect(open("https://example.org/")).toEqual({ action: "deny" });
    expect(open("app://telesec/index.html")).toEqual({ action: "deny" });
  });

  it("refuses to attach a <webview>", () => {
    const { contents, fire } = fakeWebContents();
    lockDownWebContents(contents);
    expect(fire("will-attach-webview").prevented).toBe(true);
  });
});

describe("denyAllPermissions", () => {
  it("refuses every permission request, check and device", () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as unknown as Session);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0];
    for (const permission of ["media", "notifications", "geolocation", "clipboard-read", "openExternal"]) {
      const callback = vi.fn();
      request(null, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(check(null, permission, "app://telesec", {})).toBe(false);
    }
    expect(device({ deviceType: "usb", origin: "app://telesec" })).toBe(false);
  });
});
