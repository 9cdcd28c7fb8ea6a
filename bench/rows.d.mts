// Types for bench/rows.mjs, for the TypeScript benchmarks (bench/*.ts).
export declare const ROW_PREFIX: string;
export interface BenchRow {
  section: string;
  name: string;
  value: number;
  unit: string;
  baselineName?: string;
  baseline?: number;
  goal?: string;
  pass?: boolean;
  note?: string;
}
export declare function printRow(row: BenchRow): void;
export declare function median(values: readonly number[]): number;
