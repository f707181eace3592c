import type { Pool } from "pg";
import { WORKSTATION_ROLES, type WorkstationRole } from "../../shared/domain/enums";
import type { WorkstationSocket, WorkstationSockets } from "./workstationSockets";

interface SessionRow {
  device_id: string;
  revoked: boolean;
  closed: boolean;
  user_disabled: boolean;
  role: string;
  practice_ids: string[];
}

/**
 * Holds each open socket to its session as the database has it now: a workstation revoked, signed out
 * or whose account was disabled loses its socket (and the calls and numbers it would hear); one whose
 * user changed role or practices is judged by the new ones. One query for the sockets reviewed.
 */
export async function reviewSockets(pool: Pool, sockets: WorkstationSockets, reviewed: readonly WorkstationSocket[]): Promise<void> {
  if (reviewed.length === 0) return;
  const { rows } = await pool.query<SessionRow>(
    `SELECT d.id AS device_id, d.revoked_at IS NOT NULL AS revoked, d.deleted_at IS NOT NULL AS closed,
            u.deleted_at IS NOT NULL AS user_disabled, u.role, u.practice_ids
       FROM device d JOIN "user" u ON u.id = d.user_id
      WHERE d.id = ANY($1::uuid[])`,
    [[...new Set(reviewed.map((socket) => socket.deviceId))]],
  );
  const sessions = new Map(rows.map((row) => [row.device_id, row]));
  for (const socket of reviewed) {
    const session = sessions.get(socket.deviceId);
    if (!session || session.revoked || session.user_disabled) sockets.end(socket, "device_revoked");
    else if (session.closed) sockets.end(socket, "session_closed");
    else if (WORKSTATION_ROLES.includes(session.role as WorkstationRole)) socket.user = { ...socket.user, role: session.role as WorkstationRole, practiceIds: session.practice_ids };
  }
}
