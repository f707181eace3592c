/**
 * The Télésec icon, drawn from shapes rather than stored as artwork, so every size is rendered sharp
 * at its own resolution and the installers' icons can be rebuilt from the sources: a speech bubble
 * (the calls and messages) holding a medical cross, on a rounded square in the app's blues.
 */
type Point = [number, number];

const TOP_BLUE: RgbColor = [29, 78, 216];
const NAVY: RgbColor = [18, 48, 77];
const WHITE: RgbColor = [255, 255, 255];
type RgbColor = [number, number, number];

/** Signed distance to a box centred on `centre` with half sides `half` and rounded corners `radius` (negative inside). */
function roundedBox([x, y]: Point, centre: Point, half: Point, radius: number): number {
  const qx = Math.abs(x - centre[0]) - half[0] + radius;
  const qy = Math.abs(y - centre[1]) - half[1] + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Whether a point is inside the triangle a, b, c (any winding). */
function inTriangle([x, y]: Point, a: Point, b: Point, c: Point): boolean {
  const side = (p: Point, q: Point) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const ab = side(a, b);
  const bc = side(b, c);
  const ca = side(c, a);
  return (ab >= 0 && bc >= 0 && ca >= 0) || (ab <= 0 && bc <= 0 && ca <= 0);
}

/** The colour at a point of the unit square, or null where the icon is transparent. */
function colourAt(point: Point): RgbColor | null {
  if (roundedBox(point, [0.5, 0.5], [0.44, 0.44], 0.2) > 0) return null;
  const inBubble = roundedBox(point, [0.5, 0.46], [0.28, 0.21], 0.1) <= 0 || inTriangle(point, [0.3, 0.6], [0.44, 0.6], [0.26, 0.8]);
  if (!inBubble) {
    const t = Math.min(Math.max((point[1] - 0.06) / 0.88, 0), 1);
    return [0, 1, 2].map((channel) => Math.round(TOP_BLUE[channel]! + (NAVY[channel]! - TOP_BLUE[channel]!) * t)) as RgbColor;
  }
  const inCross = roundedBox(point, [0.5, 0.46], [0.13, 0.045], 0.015) <= 0 || roundedBox(point, [0.5, 0.46], [0.045, 0.13], 0.015) <= 0;
  return inCross ? NAVY : WHITE;
}

const SAMPLES = 4;

/** The icon at `size` × `size` pixels, RGBA rows top to bottom, each pixel averaged over 4 × 4 samples. */
export function renderIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt([(column + (sx + 0.5) / SAMPLES) / size, (row + (sy + 0.5) / SAMPLES) / size]);
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          covered++;
        }
      }
      const at = (row * size + column) * 4;
      if (covered === 0) continue;
      // Colour averaged over the covered samples only (straight alpha), coverage as alpha.
      pixels[at] = Math.round(red / covered);
      pixels[at + 1] = Math.round(green / covered);
      pixels[at + 2] = Math.round(blue / covered);
      pixels[at + 3] = Math.round((covered * 255) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}
