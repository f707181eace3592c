import { describe, expect, it } from "vitest";
import { SHORTCUTS, isTextField, matchShortcut, shortcutKeys, type KeyPress } from "../../../renderer/src/app/shortcuts";

const press = (overrides: Partial<KeyPress>): KeyPress => ({ code: "", key: "", altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...overrides });
const alt = (code: string, key = "") => press({ code, key, altKey: true });

describe("keyboard shortcuts", () => {
  it("declares each key once, each with a French label", () => {
    const keys = SHORTCUTS.map((shortcut) => shortcut.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.id)).size).toBe(SHORTCUTS.length);
    for (const shortcut of SHORTCUTS) expect(shortcut.label).toMatch(/^[A-ZÉ]/);
    expect(shortcutKeys("emergency")).toBe("Alt+U");
  });

  it("matches Alt+letter on the physical key, whatever the layout types", () => {
    expect(matchShortcut(alt("KeyU", "u"), false)).toBe("emergency");
    // macOS's Option layer types other characters; AZERTY's A is QWERTY's Q: the code decides.
    expect(matchShortcut(alt("KeyC", "©"), true)).toBe("closeCall");
    expect(matchShortcut(alt("KeyM", ","), false)).toBe("message");
    expect(matchShortcut(alt("KeyN"), true)).toBe("dialledNumber");
  });

  it("leaves AltGr (Ctrl+Alt), Meta and Shift combinations alone", () => {
    expect(matchShortcut(press({ code: "KeyU", altKey: true, ctrlKey: true }), false)).toBeNull();
    expect(matchShortcut(press({ code: "KeyU", altKey: true, metaKey: true }), false)).toBeNull();
    expect(matchShortcut(press({ code: "KeyU", altKey: true, shiftKey: true }), false)).toBeNull();
    expect(matchShortcut(press({ code: "KeyU", key: "u" }), false)).toBeNull();
  });

  it("opens the help with ? only outside text fields, and leaves Escape to the dialogs", () => {
    expect(matchShortcut(press({ code: "Comma", key: "?", shiftKey: true }), false)).toBe("help");
    expect(matchShortcut(press({ code: "Comma", key: "?", shiftKey: true }), true)).toBeNull();
    expect(matchShortcut(press({ code: "Escape", key: "Escape" }), false)).toBeNull();
  });

  it("tells text fields from other controls", () => {
    const make = (html: string) => {
      const container = document.createElement("div");
      container.innerHTML = html;
      return container.firstElementChild;
    };
    expect(isTextField(make('<input type="text">'))).toBe(true);
    expect(isTextField(make('<input type="search">'))).toBe(true);
    expect(isTextField(make("<textarea></textarea>"))).toBe(true);
    expect(isTextField(make('<input type="radio">'))).toBe(false);
    expect(isTextField(make("<button>Ok</button>"))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});
