import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { contentTypeFor } from "../../electron/core/host/contentTypes";
import { resolveRendererFile } from "../../electron/main/rendererFileResolution";

const root = resolve("/opt/telesec/dist/renderer");
const file = (...segments: string[]) => ({ kind: "file", path: join(root, ...segments) });

describe("resolveRendererFile", () => {
  it("serves files of the built renderer", () => {
    expect(resolveRendererFile("app://telesec/index.html", root)).toEqual(file("index.html"));
    expect(resolveRendererFile("app://telesec/assets/index-4f2a.js", root)).toEqual(file("assets", "index-4f2a.js"));
    expect(resolveRendererFile("app://telesec/assets/index.css?v=2#top", root)).toEqual(file("assets", "index.css"));
  });

  it("decodes ordinary escapes", () => {
    expect(resolveRendererFile("app://telesec/assets/caf%C3%A9%20logo.svg", root)).toEqual(file("assets", "café logo.svg"));
  });

  it("answers index.html for the root and for client-side routes without extension", () => {
    expect(resolveRendererFile("app://telesec/", root)).toEqual(file("index.html"));
    expect(resolveRendererFile("app://telesec", root)).toEqual(file("index.html"));
    expect(resolveRendererFile("app://telesec/agenda/semaine", root)).toEqual(file("index.html"));
  });

  it.each([
    "app://telesec/..%2f..%2fetc%2fpasswd",
    "app://telesec/assets/..%2F..%2F..%2Fsecret.txt",
    "app://telesec/%2e%2e%2fsecret.txt",
    "app://telesec/..%5c..%5cwindows%5cwin.ini",
    "app://telesec/a\\..\\..\\secret.txt",
    "app://telesec/C:%5CWindows%5Cwin.ini",
    "app://telesec/c:/Windows/win.ini",
    "app://telesec/%2Fetc%2Fpasswd",
    "app://telesec/index.html%00.js",
    "app://telesec/index.html:stream",
    "app://telesec/.env",
    "app://telesec/assets/.hidden.js",
    "app://telesec/%E0%A4%A.js",
  ])("refuses the traversal or malformed path %s", (url) => {
    expect(resolveRendererFile(url, root).kind).toBe("refused");
  });

  it("keeps dot-segments that the URL parser resolves inside the renderer folder", () => {
    for (const url of ["app://telesec/../../etc/passwd.txt", "app://telesec/%2e%2e/%2E%2E/etc/passwd.txt", "app://telesec/a/./../b.js"]) {
      const resolution = resolveRendererFile(url, root);
      expect(resolution.kind === "refused" || resolution.path.startsWith(root + "/")).toBe(true);
    }
  });

  it.each(["app://other/index.html", "file:///etc/passwd", "https://telesec/index.html", "/etc/passwd", "not a url"])(
    "refuses anything but the app origin: %s",
    (url) => {
      expect(resolveRendererFile(url, root).kind).toBe("refused");
    },
  );

  it("never returns a path outside the renderer folder", () => {
    const attempts = ["..", "%2e%2e", "%2E%2e", ".%2e", "..%2f", "..%5c", "%2f", "%5c", "%00", "C:", "%2e", "."];
    for (const a of attempts) {
      for (const b of attempts) {
        const resolution = resolveRendererFile(`app://telesec/${a}/${b}/x.js`, root);
        if (resolution.kind === "file") expect(resolution.path.startsWith(root + "/")).toBe(true);
      }
    }
  });
});

describe("contentTypeFor", () => {
  it("names the types the renderer ships, so nosniff lets them through", () => {
    expect(contentTypeFor("/r/index.html")).toBe("text/html; charset=utf-8");
    expect(contentTypeFor("/r/assets/app.JS")).toBe("text/javascript; charset=utf-8");
    expect(contentTypeFor("/r/assets/app.css")).toBe("text/css; charset=utf-8");
    expect(contentTypeFor("/r/assets/logo.svg")).toBe("image/svg+xml");
    expect(contentTypeFor("/r/assets/font.woff2")).toBe("font/woff2");
    expect(contentTypeFor("/r/assets/blob.bin")).toBe("application/octet-stream");
  });
});
