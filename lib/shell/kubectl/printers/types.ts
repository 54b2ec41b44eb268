import type { KubeObject } from '../../../cluster';

export interface PrintOptions {
  wide: boolean;
  now: number;
}

/**
 * One kind's table, like a TableHandler in pkg/printers/internalversion/printers.go:
 * column names (priority-1 columns only with -o wide) and a row function.
 */
export interface TablePrinter {
  columns: string[];
  wideColumns: string[];
  row(obj: KubeObject, opts: PrintOptions): string[];
}
