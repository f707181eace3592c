import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { decodePulledPage, pulledRowOfChange, rawOfPulledRow } from "../../electron/core/sync/pulledPage";
import { serverApi } from "../../electron/core/sync/serverApi";
import type { PullColumnsResponse } from "../../shared/api/wire";

/** How the workstation reads a compact pull page (wire.ts pullColumnsResponse) into its store's rows. */
const motif = {
  id: randomUUID(),
  version: 12,
  deletedAt: null,
  practiceId: randomUUID(),
  practitionerId: randomUUID(),
  label: "Consultation",
  durationMinutes: 20,
  color: "#4c956c",
  allowedForNewPatients: true,
  patientInstructions: "",
  minNoticeMinutes: 0,
  restrictions: { weekdays: [1, 2] },
  sortOrder: 0,
};
const COLUMNS = Object.keys(motif);
const cellsOf = (row: Record<string, unknown>, columns = COLUMNS) => columns.map((column) => row[column]);
const page = (columns: string[], rows: unknown[][]): PullColumnsResponse => ({
  tables: [{ table: "appointment_type", columns, rows }],
  cursor: "c2",
  hasMore: true,
  lastMutationSeq: 0,
});
const appointment = {
  id: randomUUID(),
  version: 13,
  deletedAt: Date.parse("2026-11-23T09:00:00.123Z"),
  practiceId: randomUUID(),
  practitionerId: randomUUID(),
  patientId: randomUUID(),
  appointmentTypeId: randomUUID(),
  startAt: Date.parse("2026-11-30T09:00:00Z"),
  endAt: Date.parse("2026-11-30T09:20:00Z"),
  status: "cancelled",
  cancelReason: "Annulé par le patient",
  notes: null,
  bookedBy: null,
  channel: "telephone",
  createdAt: Date.parse("2026-11-20T08:00:00Z"),
};

describe("a compact pull page", () => {
  it("gives the same store rows as the object format, whatever the order of its columns", () => {
    const reversed = [...COLUMNS].reverse();
    const decoded = decodePulledPage(page(reversed, [cellsOf(motif, reversed)]));
    const fromObject = pulledRowOfChange({ table: "appointment_type", op: "upsert", row: motif });
    expect(decoded).toEqual({ rows: [fromObject], tables: ["appointment_type"], cursor: "c2", hasMore: true });
    expect(rawOfPulledRow(decoded.rows[0]!)).toMatchObject({ allowed_for_new_patients: 1, restrictions: '{"weekdays":[1,2]}', deleted_at: null });
  });

  it("takes instants as epoch milliseconds, a tombstone like any row", () => {
    const table = "appointment";
    const columns = Object.keys(appointment);
    const [row] = decodePulledPage({ tables: [{ table, columns, rows: [cellsOf(appointment, columns)] }], cursor: "c", hasMore: false, lastMutationSeq: 0 }).rows;
    const iso = (ms: number) => new Date(ms).toISOString();
    const asObject = { ...appointment, deletedAt: iso(appointment.deletedAt), startAt: iso(appointment.startAt), endAt: iso(appointment.endAt), createdAt: iso(appointment.createdAt) };
    expect(row).toEqual(pulledRowOfChange({ table, op: "delete", row: asObject }));
    expect(rawOfPulledRow(row!)).toMatchObject({ deleted_at: appointment.deletedAt, start_at: appointment.startAt, status: "cancelled" });
  });

  it("ignores a column this workstation does not know (a newer server)", () => {
    const decoded = decodePulledPage({
      tables: [{ table: "appointment_type", columns: [...COLUMNS, "colonneFuture"], rows: [[...cellsOf(motif), "x"]] }],
      cursor: "c",
      hasMore: false,
      lastMutationSeq: 0,
    });
    expect(rawOfPulledRow(decoded.rows[0]!)).not.toHaveProperty("colonne_future");
    expect(decoded.tables).toEqual(["appointment_type"]);
  });

  it.each([
    ["a column it needs is missing", page(COLUMNS.filter((column) => column !== "label"), [cellsOf(motif, COLUMNS.filter((column) => column !== "label"))]), /appointment_type n'a pas de colonne label/],
    ["a row is short", page(COLUMNS, [cellsOf(motif).slice(1)]), /ligne 1 de appointment_type de 12 valeurs au lieu de 13/],
    ["a required value is null", page(COLUMNS, [cellsOf({ ...motif, label: null })]), /appointment_type\.label de la ligne 1 n'est pas un texte\./],
    ["a number is text", page(COLUMNS, [cellsOf(motif), cellsOf({ ...motif, durationMinutes: "20" })]), /durationMinutes de la ligne 2 n'est pas un entier/],
    ["an instant is ISO text", page(COLUMNS, [cellsOf({ ...motif, deletedAt: "2026-11-23T09:00:00Z" })]), /deletedAt de la ligne 1 n'est pas un instant en millisecondes ou null/],
    ["a flag is 1", page(COLUMNS, [cellsOf({ ...motif, allowedForNewPatients: 1 })]), /allowedForNewPatients de la ligne 1 n'est pas un booléen/],
    ["a required JSON value is null", page(COLUMNS, [cellsOf({ ...motif, restrictions: null })]), /restrictions de la ligne 1 n'est pas une valeur JSON/],
  ])("refuses the whole page when %s, saying where", (_, bad, message) => {
    expect(() => decodePulledPage(bad)).toThrow(message);
  });

  it("says the server is newer than this workstation when an enumeration holds a value it does not know yet", () => {
    const columns = Object.keys(appointment);
    const bad = { tables: [{ table: "appointment" as const, columns, rows: [cellsOf({ ...appointment, status: "perdu" }, columns)] }], cursor: "c", hasMore: false, lastMutationSeq: 0 };
    expect(() => decodePulledPage(bad)).toThrow(
      expect.objectContaining({ name: "WireRowError", reason: "newer_server", message: expect.stringMatching(/^Le serveur de l'agence est plus récent que ce poste \(valeur « perdu » de appointment\.status inconnue ici\) : mettez ce poste à jour\./) }),
    );
  });

  it("still calls a value of the wrong type in an enumeration unreadable, not newer", () => {
    const columns = Object.keys(appointment);
    const bad = { tables: [{ table: "appointment" as const, columns, rows: [cellsOf({ ...appointment, status: 3 }, columns)] }], cursor: "c", hasMore: false, lastMutationSeq: 0 };
    expect(() => decodePulledPage(bad)).toThrow(expect.objectContaining({ reason: "unreadable", message: expect.stringMatching(/appointment\.status de la ligne 1 n'est pas l'une des valeurs booked, /) }));
  });
});

/** A server that answers every pull with `body`, and remembers the query it was asked. */
async function answering(body: unknown): Promise<{ url: string; asked: () => URLSearchParams; close: () => void }> {
  let asked = new URLSearchParams();
  const server = createServer((request, response) => {
    asked = new URL(request.url ?? "/", "http://x").searchParams;
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked: () => asked, close: () => server.close() };
}

describe("the workstation's pull request", () => {
  it("asks for the compact format and says the server is out of protocol when a page cannot be read", async () => {
    const server = await answering(page(COLUMNS, [cellsOf({ ...motif, durationMinutes: "20" })]));
    try {
      const pull = serverApi(server.url).pull("jeton", "", randomUUID(), 100);
      await expect(pull).rejects.toMatchObject({ name: "ServerError", kind: "broken", message: expect.stringMatching(/^Réponse du serveur hors protocole\. .*durationMinutes/) });
      expect(server.asked().get("format")).toBe("columns");
    } finally {
      server.close();
    }
  });

  it("asks for this workstation's update, not a protocol error, when the server sends a value only a newer version knows", async () => {
    const columns = Object.keys(appointment);
    const server = await answering({ tables: [{ table: "appointment", columns, rows: [cellsOf({ ...appointment, status: "reporte" }, columns)] }], cursor: "c", hasMore: false, lastMutationSeq: 0 });
    try {
      await expect(serverApi(server.url).pull("jeton", "", randomUUID(), 100)).rejects.toMatchObject({
        name: "ServerError",
        kind: "broken",
        code: "update_required",
        message: expect.stringMatching(/^Le serveur de l'agence est plus récent que ce poste .* rien de ce qui attend d'être envoyé n'est perdu\.$/),
      });
    } finally {
      server.close();
    }
  });

  it("takes a page in the first format from a server older than the compact one", async () => {
    const server = await answering({ changes: [{ table: "appointment_type", op: "upsert", row: motif }], cursor: "c9", hasMore: false, lastMutationSeq: 0 });
    try {
      const pulled = await serverApi(server.url).pull("jeton", "", randomUUID(), 100);
      expect(pulled).toEqual({ rows: [pulledRowOfChange({ table: "appointment_type", op: "upsert", row: motif })], tables: ["appointment_type"], cursor: "c9", hasMore: false });
    } finally {
      server.close();
    }
  });
});
