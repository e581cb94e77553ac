// Prints every sheet of the workbook named on the command line, as exceljs reads it: { "Sheet": [[cell text, ...], ...] }.
const ExcelJS = require('exceljs');

function text(value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map(r => r.text).join('');
  return String(value);
}

(async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(process.argv[2]);
  const out = {};
  for (const sheet of book.worksheets) {
    const rows = [];
    sheet.eachRow({ includeEmpty: true }, row => {
      const cells = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(text(row.getCell(c).value));
      rows.push(cells);
    });
    out[sheet.name] = rows;
  }
  process.stdout.write(JSON.stringify(out));
})().catch(e => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
