import { useState } from "react";
import type { AdminDeviceView } from "../../../../shared/api/admin";
import { formatInstantDateTime } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { ConfirmedButton } from "../../app/ConfirmedButton";
import { DeviceName } from "./DeviceName";
import { useServerList } from "./useServerList";

function stateOf(device: AdminDeviceView): string {
  if (device.revokedAt) return `Révoqué le ${formatInstantDateTime(device.revokedAt)}`;
  if (device.closedAt) return `Session fermée le ${formatInstantDateTime(device.closedAt)}`;
  return "Actif";
}

/**
 * The workstations accounts are signed in on, each renamable. Revoking one (after a second click to confirm) cuts it
 * off at its next request, and it wipes its local copy at once. Closed sessions and the workstation
 * in use offer no revocation: the server would refuse the latter, and the former open nothing.
 */
export function DevicesTab() {
  const { list, reload } = useServerList(() => telesec.call("admin.devices.list", {}));
  const [failure, setFailure] = useState<string | null>(null);

  async function revoke(device: AdminDeviceView): Promise<void> {
    setFailure(null);
    try {
      await telesec.call("admin.devices.revoke", { id: device.id });
    } catch (error) {
      setFailure(`${device.name}${NBSP}: ${describeError(error)}`);
    }
    await reload();
  }

  return (
    <section aria-labelledby="postes-titre" className="admin-section">
      <h3 id="postes-titre">Postes</h3>
      {list.status === "loading" && <p className="muted">Chargement des postes…</p>}
      {list.status === "failed" && <p className="notice notice--error" role="alert">{`Postes indisponibles${NBSP}: ${list.message}`}</p>}
      {failure && <p className="notice notice--error" role="alert">{failure}</p>}
      {list.status === "ready" && (
        <table className="admin-table" aria-label="Postes de l'agence">
          <thead>
            <tr>
              <th scope="col">Compte</th>
              <th scope="col">Poste</th>
              <th scope="col">Dernière activité</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((device) => (
              <tr key={device.id}>
                <td>{`${device.userName} (${device.userLogin})`}</td>
                <td>
                  <DeviceName device={device} onRenamed={reload} />
                </td>
                <td>{device.lastSeenAt ? formatInstantDateTime(device.lastSeenAt) : "—"}</td>
                <td>
                  {stateOf(device)}
                  {device.current && " (ce poste)"}
                  {/* Nothing to revoke on a closed session; this very workstation signs out instead. */}
                  {!device.revokedAt && !device.closedAt && !device.current && (
                    <ConfirmedButton label={`Révoquer ${device.name}`} confirmLabel={`Confirmer la révocation de ${device.name}`} onConfirm={() => void revoke(device)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
