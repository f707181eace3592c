import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { ICNS_ENTRIES, ICO_SIZES, iconFiles, PNG_SIZE } from "../../scripts/icons/iconFiles";

/**
 * The installers' icons in build/ (electron-builder's buildResources): they are what
 * scripts/icons/makeIcons.ts writes today, and each file is a well-formed PNG, ICO and ICNS.
 */
const build = (name: string) => readFileSync(fileURLToPath(new URL(`../../build/${name}`, import.meta.url)));
let generated: ReturnType<typeof iconFiles>;

beforeAll(() => {
  generated = iconFiles();
}, 60_000);

/** Width, height and the RGBA rows of a PNG this project wrote (colour type 6, no filtering). */
function readPng(bytes: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idatLength = bytes.readUInt32BE(33);
  expect(bytes.toString("ascii", 37, 41)).toBe("IDAT");
  const rows = inflateSync(bytes.subarray(41, 41 + idatLength));
  const pixel = (x: number, y: number) => {
    const at = Math.round(y) * (width * 4 + 1) + 1 + Math.round(x) * 4;
    return [...rows.subarray(at, at + 4)];
  };
  return { width, height, pixel };
}

describe("installer icons", () => {
  it("are the files the generator writes (run `npm run icons` after changing it)", () => {
    for (const [name, bytes] of Object.entries(generated)) expect(build(name).equals(bytes), name).toBe(true);
  });

  it("draw an opaque square with transparent rounded corners", () => {
    const png = readPng(build("icon.png"));
    expect([png.width, png.height]).toEqual([PNG_SIZE, PNG_SIZE]);
    expect(png.pixel(2, 2)[3]).toBe(0);
    expect(png.pixel(PNG_SIZE / 2, PNG_SIZE / 8)[3]).toBe(255);
    // The bubble is white, the cross in it navy.
    expect(png.pixel(PNG_SIZE * 0.3, PNG_SIZE * 0.46)).toEqual([255, 255, 255, 255]);
    expect(png.pixel(PNG_SIZE / 2, PNG_SIZE * 0.46)).toEqual([18, 48, 77, 255]);
  });

  it("give Windows one PNG per size up to 256 in the ICO directory", () => {
    const ico = build("icon.ico");
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    ICO_SIZES.forEach((size, index) => {
      const entry = 6 + index * 16;
      expect(ico.readUInt8(entry)).toBe(size % 256);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(readPng(ico.subarray(offset, offset + length)).width).toBe(size);
    });
  });

  it("give macOS every type from 16 to 1024 pixels, lengths adding up", () => {
    const icns = build("icon.icns");
    expect(icns.toString("ascii", 0, 4)).toBe("icns");
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    let offset = 8;
    for (const [type, size] of ICNS_ENTRIES) {
      expect(icns.toString("ascii", offset, offset + 4)).toBe(type);
      const length = icns.readUInt32BE(offset + 4);
      expect(readPng(icns.subarray(offset + 8, offset + length)).width).toBe(size);
      offset += length;
    }
    expect(offset).toBe(icns.length);
  });
});
