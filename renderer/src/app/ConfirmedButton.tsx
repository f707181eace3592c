import { useState } from "react";

/**
 * An action that cannot be taken back (revoking a workstation, removing a practitioner): the first
 * click only asks, the second one acts. The buttons are named for screen readers and tests alike.
 */
export function ConfirmedButton({ label, confirmLabel, onConfirm, name }: { label: string; confirmLabel: string; onConfirm: () => void; name?: string }) {
  const [asking, setAsking] = useState(false);
  return asking ? (
    <button
      type="button"
      className="button button--danger button--small"
      aria-label={name ? `${confirmLabel} : ${name}` : undefined}
      onClick={() => {
        setAsking(false);
        onConfirm();
      }}
    >
      {confirmLabel}
    </button>
  ) : (
    <button type="button" className="button button--small" aria-label={name ? `${label} : ${name}` : undefined} onClick={() => setAsking(true)}>
      {label}
    </button>
  );
}
