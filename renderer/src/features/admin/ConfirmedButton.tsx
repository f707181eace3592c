import { useState } from "react";

/**
 * An action that cannot be taken back (revoking a workstation, removing a practitioner): the first
 * click only asks, the second one acts. The buttons are named for screen readers and tests alike.
 */
export function ConfirmedButton({ label, confirmLabel, onConfirm }: { label: string; confirmLabel: string; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  return asking ? (
    <button
      type="button"
      className="button button--danger button--small"
      onClick={() => {
        setAsking(false);
        onConfirm();
      }}
    >
      {confirmLabel}
    </button>
  ) : (
    <button type="button" className="button button--small" onClick={() => setAsking(true)}>
      {label}
    </button>
  );
}
