/**
 * exceljs, loaded on the first export rather than at start: it is 7 MiB of heap that an
 * instance which never exports would carry for good (issue 15's idle RSS target, 250 MiB).
 */
import type ExcelJSModule from 'exceljs';

let loading: Promise<typeof ExcelJSModule> | undefined;

export function loadExcel(): Promise<typeof ExcelJSModule> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
