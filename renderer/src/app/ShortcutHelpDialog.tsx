import { useRef } from "react";
import { dialogActions } from "../stores/dialogStore";
import { ModalDialog } from "./ModalDialog";
import { SHORTCUTS, displayKeys } from "./shortcuts";
import { useDialogFocus } from "./useDialogFocus";

export const SHORTCUT_HELP_TITLE = "Raccourcis clavier";

/** "?": every shortcut of the call screen, read from the same list the key handler dispatches from. */
export function ShortcutHelpDialog() {
  const close = useRef<HTMLButtonElement>(null);
  useDialogFocus(close);
  return (
    <ModalDialog title={SHORTCUT_HELP_TITLE} onClose={() => dialogActions.closed()}>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">Touches</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.id}>
              <td>
                <kbd>{displayKeys(shortcut.keys)}</kbd>
              </td>
              <td>{shortcut.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button ref={close} type="button" className="button" onClick={() => dialogActions.closed()}>
          Fermer
        </button>
      </div>
    </ModalDialog>
  );
}
