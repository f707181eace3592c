import { beforeEach, describe, expect, it } from "vitest";
import { dialogActions, initialDialogState, useDialogStore } from "../../../renderer/src/stores/dialogStore";

describe("what the call screen says politely", () => {
  beforeEach(() => useDialogStore.setState(initialDialogState, true));

  it("says a later word at once when no dialog is open", () => {
    dialogActions.announced("Rendez-vous du 24 nov. : confirmé par le serveur.");
    expect(useDialogStore.getState().announcement).toBe("Rendez-vous du 24 nov. : confirmé par le serveur.");
  });

  it("keeps a word that comes while a dialog is open, and says it after the dialog's own when it closes", () => {
    dialogActions.opened("booking");
    dialogActions.announced("Rendez-vous du 24 nov. : confirmé par le serveur.");
    expect(useDialogStore.getState().announcement).toBe("");
    dialogActions.closed("Rendez-vous du 24 nov. enregistré, en attente de confirmation du serveur.");
    expect(useDialogStore.getState().announcement).toBe("Rendez-vous du 24 nov. enregistré, en attente de confirmation du serveur. Rendez-vous du 24 nov. : confirmé par le serveur.");
    // Said once: the next dialog starts afresh.
    dialogActions.opened("message");
    dialogActions.closed("Message enregistré.");
    expect(useDialogStore.getState().announcement).toBe("Message enregistré.");
  });
});
