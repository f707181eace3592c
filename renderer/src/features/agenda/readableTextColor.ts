const DARK_TEXT = "#111827";
const LIGHT_TEXT = "#ffffff";

/**
 * The text colour that reads best on a motif colour (WCAG contrast against dark and light text).
 * Motif colours are chosen by each practice, pale yellow as well as navy, so it cannot be fixed.
 * Returns null for colours that are not hex, leaving the calendar's default.
 */
export function readableTextColor(background: string): string | null {
  const rgb = parseHexColor(background);
  if (!rgb) return null;
  const luminance = relativeLuminance(rgb);
  const contrastWithDark = (luminance + 0.05) / (relativeLuminance([17, 24, 39]) + 0.05);
  const contrastWithLight = 1.05 / (luminance + 0.05);
  return contrastWithDark >= contrastWithLight ? DARK_TEXT : LIGHT_TEXT;
}

function parseHexColor(color: string): [number, number, number] | null {
  const hex = color.trim().replace(/^#/, "");
  const full = /^[0-9a-f]{3}$/i.test(hex) ? [...hex].map((digit) => digit + digit).join("") : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  return [0, 2, 4].map((start) => parseInt(full.slice(start, start + 2), 16)) as [number, number, number];
}

function relativeLuminance([red, green, blue]: [number, number, number]): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}
