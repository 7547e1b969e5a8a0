import ExcelJS from 'exceljs';

/** A workbook's first sheet as rows of cell values, read by exceljs (an implementation independent of the writer's). */
export async function xlsxRows(body: ArrayBuffer | Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
