import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import yauzl from "yauzl";
import { ZipFile as ZipWriter } from "yazl";
import { describe, expect, it } from "vitest";
import { checkWorkbookBounds, IMPORT_LIMITS } from "./import-bounds.js";
import { ImportFileError, PAYMENT_COLUMNS } from "./import-columns.js";
import { rowBatchesOf } from "./import-readers.js";

/** The parts of a real workbook, as exceljs writes it. */
async function workbookParts(): Promise<Map<string, Buffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Paiements").addRow(["Numéro EJ", "Date", "Montant", "Référence"]);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(file, { lazyEntries: false }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    ),
  );
  const parts = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    let pending = zip.entryCount;
    zip.on("entry", (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (error, stream) => {
        if (error) {
          reject(error);
          return;
        }
        void buffer(stream).then((content) => {
          parts.set(entry.fileName, content);
          if ((pending -= 1) === 0) resolve();
        }, reject);
      }),
    );
  });
  return parts;
}

/** That workbook with its sheet replaced by `rows` identical rows: a few hundred Ko, compressed. */
async function workbookWithRows(rows: number): Promise<Buffer> {
  const parts = await workbookParts();
  const writer = new ZipWriter();
  for (const [name, content] of parts) {
    if (name.endsWith("/")) continue;
    if (!/^xl\/worksheets\/sheet1\.xml$/.test(name)) {
      writer.addBuffer(content, name);
      continue;
    }
    const row = '<row><c t="inlineStr"><is><t>2100012345</t></is></c><c><v>1</v></c></row>';
    writer.addReadStream(
      Readable.from(
        (function* () {
          yield '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
          for (let index = 0; index < rows; index += 1000) yield row.repeat(Math.min(1000, rows - index));
          yield "</sheetData></worksheet>";
        })(),
      ),
      name,
    );
  }
  writer.end();
  return buffer(writer.outputStream);
}

describe("the bounds of an extract", () => {
  it("refuses a compressed workbook of two million rows before loading it, naming the limit", async () => {
    const bomb = await workbookWithRows(2_000_000);
    expect(bomb.length).toBeLessThan(MEBI);
    const refusal = checkWorkbookBounds(bomb);
    await expect(refusal).rejects.toBeInstanceOf(ImportFileError);
    await expect(refusal).rejects.toThrow(/sheet1\.xml dépasserait 64 Mo une fois décompressé/);
  });

  it("refuses a sheet of more rows than an import takes, though small once inflated", async () => {
    // The header line is a row of the sheet too.
    await expect(checkWorkbookBounds(await workbookWithRows(IMPORT_LIMITS.rows + 2))).rejects.toThrow(
      /plus de 200\s000 lignes/,
    );
    await expect(
      checkWorkbookBounds(await workbookWithRows(IMPORT_LIMITS.rows + 1)),
    ).resolves.toBeUndefined();
  });

  it("accepts a workbook within the bounds", async () => {
    await expect(checkWorkbookBounds(await workbookWithRows(10))).resolves.toBeUndefined();
  });

  it("refuses a part that inflates beyond its limit even when the zip declares it small", async () => {
    const parts = await workbookParts();
    const writer = new ZipWriter();
    for (const [name, content] of parts) if (!name.endsWith("/")) writer.addBuffer(content, name);
    // One part of zeros, 1 Mio beyond the limit, with no row to count: only its inflated size can stop it.
    writer.addReadStream(
      Readable.from(
        (function* () {
          const zeros = Buffer.alloc(MEBI);
          for (let index = 0; index <= IMPORT_LIMITS.partBytes / MEBI; index += 1) yield zeros;
        })(),
      ),
      "xl/media/image1.bin",
    );
    writer.end();
    await expect(checkWorkbookBounds(await buffer(writer.outputStream))).rejects.toThrow(
      /xl\/media\/image1\.bin dépasserait 64 Mo une fois décompressé/,
    );
  });

  it("refuses a CSV of more rows than an import takes", async () => {
    const lines = ["Numéro EJ;Date;Montant;Référence"];
    for (let index = 0; index <= IMPORT_LIMITS.rows; index += 1) lines.push("2100012345;01/02/2025;1,00;R");
    const reading = (async () => {
      let read = 0;
      for await (const batch of rowBatchesOf(Buffer.from(lines.join("\n")), "csv", PAYMENT_COLUMNS))
        read += batch.length;
      return read;
    })();
    await expect(reading).rejects.toThrow(/plus de 200\s000 lignes/);
  });
});

const MEBI = 1024 * 1024;
