import { SESSION_ENDED_CLOSE_CODE, type ServerSocketMessage, type SessionUser } from "../../shared/api/wire";

export type SessionEndedReason = "device_revoked" | "session_closed";

/** One workstation connected to /api/v1/ws on this process. */
export interface WorkstationSocket {
  user: SessionUser;
  deviceId: string;
  send(message: ServerSocketMessage): void;
  close(code: number, reason: string): void;
}

/**
 * The workstations connected to this server process, with the user each signed in as: pokes go to
 * every socket whose user serves the practice that changed, a ringing call to one secretary's sockets.
 * The WebSocket route registers each socket here once authenticated; other processes' sockets are
 * reached through PostgreSQL notifications (pokeHub.ts, telephony/callRelay.ts).
 */
export function createWorkstationSockets() {
  const sockets = new Set<WorkstationSocket>();
  return {
    /** Registers a socket; call the returned function when it closes. */
    add(socket: WorkstationSocket): () => void {
      sockets.add(socket);
      return () => sockets.delete(socket);
    },
    all: (): Iterable<WorkstationSocket> => sockets,
    ofUser: (userId: string): WorkstationSocket[] => [...sockets].filter((socket) => socket.user.id === userId),
    /** The socket's session ended: it hears nothing more from now on, and is told why as it closes. */
    end(socket: WorkstationSocket, reason: SessionEndedReason): void {
      if (!sockets.delete(socket)) return;
      socket.close(SESSION_ENDED_CLOSE_CODE, reason);
    },
    /** Sends to every socket of this user on this process; how many it reached. */
    sendToUser(userId: string, message: ServerSocketMessage): number {
      let reached = 0;
      for (const socket of sockets) {
        if (socket.user.id !== userId) continue;
        socket.send(message);
        reached++;
      }
      return reached;
    },
  };
}

export type WorkstationSockets = ReturnType<typeof createWorkstationSockets>;
