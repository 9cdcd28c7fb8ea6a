/**
 * CSV through Papa Parse. A module of its own, imported only when a CSV course list is read, so Papa Parse is a
 * separate chunk that pages without a CSV never fetch. The delimiter is detected (Excel in some locales writes `;`).
 */
// The browser build: the main file requires Node's stream module for a feature the browser cannot use.
import Papa from 'papaparse/papaparse.min.js';
import { columnName } from './course-list.js';

export interface CsvRows {
  rows: Array<Record<string, string>>;
  /** The header's column names, normalised (`Course title` → `title`). */
  columns: string[];
  /** The spreadsheet row of the i-th data row (the header is row 1; quoted line breaks counted). */
  lineOf: (index: number) => number;
}

export function readCsvRows(source: string): CsvRows {
  const result = Papa.parse<Record<string, string>>(source, {
    header: true,
    skipEmptyLines: false,
    transformHeader: columnName,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const columns = (result.meta.fields ?? []).filter(Boolean);
  // Where each data row starts: count the line breaks before it, so a quoted multi-line cell does not shift numbers.
  const lines: number[] = [];
  let line = 2;
  for (const row of result.data) {
    lines.push(line);
    const cells = Object.values(row).flat() as unknown[];
    line += 1 + cells.reduce<number>((sum, cell) => sum + (typeof cell === 'string' ? (cell.match(/\r\n|\r|\n/g)?.length ?? 0) : 0), 0);
  }
  return { rows: result.data, columns, lineOf: (index) => lines[index] ?? index + 2 };
}
