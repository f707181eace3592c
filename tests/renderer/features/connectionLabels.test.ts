import { describe, expect, it } from "vitest";
import { lastSyncLabel, pendingChangesLabel } from "../../../renderer/src/features/sync/connectionLabels";
import { FIXTURE_NOW } from "../fixtures";

const NBSP = "\u00A0";

describe("connection wording", () => {
  it("counts pending changes in French, singular and plural", () => {
    expect(pendingChangesLabel(0)).toBeNull();
    expect(pendingChangesLabel(1)).toBe("1 modification en attente");
    expect(pendingChangesLabel(3)).toBe("3 modifications en attente");
  });

  it("gives the last sync time on the Paris clock, with its date when not today", () => {
    const now = new Date("2026-11-24T15:00:00Z");
    expect(lastSyncLabel("2026-11-24T09:42:00Z", now)).toBe(`Dernière synchro${NBSP}: 10:42`);
    expect(lastSyncLabel("2026-11-23T17:05:00Z", now)).toBe(`Dernière synchro${NBSP}: 23/11/2026 à 18:05`);
    // 23:30 UTC is already tomorrow in Paris: the same Paris day as 00:10 Paris time.
    expect(lastSyncLabel("2026-11-23T23:30:00Z", new Date("2026-11-23T23:10:00Z"))).toBe(`Dernière synchro${NBSP}: 00:30`);
  });

  it("says nothing about a sync that never happened", () => {
    expect(lastSyncLabel(null, new Date(FIXTURE_NOW))).toBeNull();
    expect(lastSyncLabel("jamais", new Date(FIXTURE_NOW))).toBeNull();
  });
});
