import { describe, expect, it } from "vitest";
import { callActions, useCallStore } from "../../../renderer/src/stores/callStore";
import { gare, tilleuls, FIXTURE_NOW } from "../fixtures";

describe("call store", () => {
  it("drops answers that belong to a call the secretary has already replaced", () => {
    const first = callActions.opened("04 78 00 00 01", "", new Date(FIXTURE_NOW));
    const second = callActions.opened("04 78 00 00 02", "", new Date(FIXTURE_NOW));

    callActions.practiceReceived(first, tilleuls);
    expect(useCallStore.getState().practice.status).toBe("loading");

    callActions.practiceReceived(second, gare);
    expect(useCallStore.getState().practice).toEqual({ status: "ready", value: gare });
    expect(callActions.isCurrent(first)).toBe(false);
  });
});
