import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useDebouncedValue } from "../../../renderer/src/features/patients/useDebouncedValue";

// Fake timers: the pause between keys is chosen, not left to the machine's load.
describe("useDebouncedValue", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
  afterEach(() => vi.useRealTimers());

  it("keeps the settled value while keys follow each other, then takes the last one after the pause", () => {
    const seen: string[] = [];
    const { rerender } = renderHook(
      ({ text }) => {
        const settled = useDebouncedValue(text, 250);
        if (seen.at(-1) !== settled) seen.push(settled);
        return settled;
      },
      { initialProps: { text: "" } },
    );

    for (const text of ["l", "le", "lef"]) {
      rerender({ text });
      act(() => vi.advanceTimersByTime(249));
    }
    expect(seen).toEqual([""]);

    act(() => vi.advanceTimersByTime(1));
    expect(seen).toEqual(["", "lef"]);
  });

  it("settles on each value separated by a full pause", () => {
    const { result, rerender } = renderHook(({ text }) => useDebouncedValue(text, 250), { initialProps: { text: "a" } });
    rerender({ text: "ab" });
    act(() => vi.advanceTimersByTime(250));
    expect(result.current).toBe("ab");
    rerender({ text: "abc" });
    act(() => vi.advanceTimersByTime(250));
    expect(result.current).toBe("abc");
  });
});
