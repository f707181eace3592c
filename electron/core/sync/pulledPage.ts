import { cellsOfColumns, parseWireRow, rawOfCells, wireToCells, type RawRow } from "../../../db/local/rowCodec";
import type { Change, PullAnswer, SyncedTable } from "../../../shared/api/wire";

/** A server row in the store's form, ready to be written: its values in the table's column order (rowCodec.ts). */
export interface PulledRow {
  table: SyncedTable;
  cells: unknown[];
}

/** A pulled row keyed by column, for reading it. */
export const rawOfPulledRow = (row: PulledRow): RawRow => rawOfCells(row.table, row.cells);

/** A pull page as the replica writes it, whichever format the server answered in. */
export interface PulledPage {
  rows: PulledRow[];
  /** The tables the page holds rows of. */
  tables: SyncedTable[];
  cursor: string;
  hasMore: boolean;
}

/** One row of the first format (`changes`), checked against its table; throws a ZodError. */
export function pulledRowOfChange(change: Change): PulledRow {
  return { table: change.table, cells: wireToCells(change.table, parseWireRow(change.table, change.row)) };
}

/**
 * Every row of a page checked against this workstation's tables and turned into the store's form. The
 * workstation asks for the compact format; a server older than it answers with `changes`, also taken.
 * Throws on the first row it cannot take (WireRowError or ZodError): nothing of the page is written.
 */
export function decodePulledPage(answer: PullAnswer): PulledPage {
  const rows: PulledRow[] = [];
  const tables = new Set<SyncedTable>();
  if ("tables" in answer) {
    for (const block of answer.tables) {
      for (const cells of cellsOfColumns(block.table, block.columns, block.rows)) rows.push({ table: block.table, cells });
      if (block.rows.length > 0) tables.add(block.table);
    }
  } else {
    for (const change of answer.changes) {
      rows.push(pulledRowOfChange(change));
      tables.add(change.table);
    }
  }
  return { rows, tables: [...tables], cursor: answer.cursor, hasMore: answer.hasMore };
}
