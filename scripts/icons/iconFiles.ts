import { renderIcon } from "./iconArt";
import { encodePng } from "./png";

/** The sizes each format carries: Windows' shell and taskbar sizes up to 256; macOS's 16 to 1024. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const ICNS_ENTRIES = [
  ["icp4", 16],
  ["icp5", 32],
  ["icp6", 64],
  ["ic07", 128],
  ["ic08", 256],
  ["ic09", 512],
  ["ic10", 1024],
  ["ic11", 32],
  ["ic12", 64],
  ["ic13", 256],
  ["ic14", 512],
] as const;
export const PNG_SIZE = 1024;

/** A Windows icon holding one PNG per size (the format Windows reads since Vista). */
export function icoFile(png: (size: number) => Buffer): Buffer {
  const images = ICO_SIZES.map((size) => png(size));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((image, index) => {
    const size = ICO_SIZES[index]!;
    const entry = Buffer.alloc(16);
    // 256 is written 0: the field is one byte.
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(image.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += image.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images]);
}

/** A macOS icon family: one PNG per type, each entry its 4-character type and its length, big-endian. */
export function icnsFile(png: (size: number) => Buffer): Buffer {
  const entries = ICNS_ENTRIES.map(([type, size]) => {
    const image = png(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, "ascii");
    head.writeUInt32BE(image.length + 8, 4);
    return Buffer.concat([head, image]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write("icns", 0, "ascii");
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** The three files electron-builder takes from build/, each size rendered once. */
export function iconFiles(): Record<"icon.png" | "icon.ico" | "icon.icns", Buffer> {
  const cache = new Map<number, Buffer>();
  const png = (size: number) => {
    let image = cache.get(size);
    if (!image) {
      image = encodePng(size, renderIcon(size));
      cache.set(size, image);
    }
    return image;
  };
  return { "icon.png": png(PNG_SIZE), "icon.ico": icoFile(png), "icon.icns": icnsFile(png) };
}
