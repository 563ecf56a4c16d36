import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import { ImportFileError } from "./import-columns.js";

/**
 * What an extract may hold. The compressed size is capped by the route; these
 * caps bound what a small file can unfold into: an XLSX is a zip, and 1 Mo of
 * compressed XML can hold two million rows.
 */
export const IMPORT_LIMITS = {
  /** Rows of data, in a CSV or in any sheet of a workbook. */
  rows: 200_000,
  /** Parts of a workbook (sheets, styles, strings…). */
  parts: 500,
  /** Uncompressed bytes of one part of a workbook. */
  partBytes: 64 * 1024 * 1024,
  /** Uncompressed bytes of the whole workbook. */
  workbookBytes: 128 * 1024 * 1024,
} as const;

const MEBI = 1024 * 1024;

export function tooManyRows(): ImportFileError {
  return new ImportFileError(
    `Le fichier compte plus de ${IMPORT_LIMITS.rows.toLocaleString("fr-FR")} lignes, la limite d'un import : découpez-le en plusieurs fichiers.`,
  );
}

function tooLarge(what: string, limit: number): ImportFileError {
  return new ImportFileError(
    `Le classeur est refusé : ${what} dépasserait ${limit / MEBI} Mo une fois décompressé (limite d'un import). Enregistrez seulement la feuille utile, ou envoyez un CSV.`,
  );
}

const UNREADABLE = new ImportFileError(
  "Le classeur n'a pas pu être lu : vérifiez qu'il s'agit bien d'un fichier XLSX (Excel 2007 ou plus récent).",
);

function openZip(file: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error) reject(UNREADABLE);
      else resolve(zip);
    });
  });
}

/**
 * Counts the rows of a sheet's XML as it inflates: `<row` then a space or `>`.
 * The last four characters of a chunk are kept for the next one, so a tag cut
 * in two is counted once (four characters cannot hold a whole tag).
 */
function rowCounter(): (chunk: Buffer) => number {
  let tail = "";
  return (chunk) => {
    const text = tail + chunk.toString("latin1");
    tail = text.slice(-4);
    return text.match(/<row[\s>]/g)?.length ?? 0;
  };
}

/**
 * Inflates one part, counting what it really unfolds into (a zip may lie
 * about its sizes), and stops as soon as a limit is passed.
 */
function inflatePart(zip: ZipFile, entry: Entry, budget: { bytes: number }): Promise<void> {
  const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.fileName);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(UNREADABLE);
        return;
      }
      let partBytes = 0;
      let rows = 0;
      const countRows = rowCounter();
      const stop = (reason: ImportFileError) => {
        stream.destroy();
        reject(reason);
      };
      stream.on("data", (chunk: Buffer) => {
        partBytes += chunk.length;
        budget.bytes += chunk.length;
        if (partBytes > IMPORT_LIMITS.partBytes)
          stop(tooLarge(`la partie ${entry.fileName}`, IMPORT_LIMITS.partBytes));
        else if (budget.bytes > IMPORT_LIMITS.workbookBytes)
          stop(tooLarge("l'ensemble", IMPORT_LIMITS.workbookBytes));
        else if (isSheet && (rows += countRows(chunk)) > IMPORT_LIMITS.rows + 1) stop(tooManyRows());
      });
      stream.once("error", () => reject(UNREADABLE));
      stream.once("end", resolve);
    });
  });
}

/**
 * Checks a workbook before it is loaded: number of parts, size of each part
 * once inflated, rows of each sheet (header included, hence the + 1 above).
 * A compression bomb is refused after inflating at most the limits, in a
 * fraction of a second, with memory of one chunk at a time.
 */
export async function checkWorkbookBounds(file: Buffer): Promise<void> {
  const zip = await openZip(file);
  const budget = { bytes: 0 };
  try {
    if (zip.entryCount > IMPORT_LIMITS.parts) {
      throw new ImportFileError(
        `Le classeur compte ${zip.entryCount} parties, plus que les ${IMPORT_LIMITS.parts} qu'un import accepte.`,
      );
    }
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: Entry) => {
        if (entry.uncompressedSize > IMPORT_LIMITS.partBytes) {
          reject(tooLarge(`la partie ${entry.fileName}`, IMPORT_LIMITS.partBytes));
          return;
        }
        if (entry.fileName.endsWith("/")) {
          zip.readEntry();
          return;
        }
        inflatePart(zip, entry, budget).then(() => zip.readEntry(), reject);
      });
      zip.once("end", resolve);
      zip.once("error", () => reject(UNREADABLE));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
