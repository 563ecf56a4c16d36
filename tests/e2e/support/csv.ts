/** A CSV file read back as the journeys check it: its header and its records, field by field. */
export interface CsvTable {
  header: string[];
  records: string[][];
}

/**
 * Reads RFC 4180 text strictly: every record, the last one too, ends with
 * CRLF, and a bare CR or LF is accepted only inside quotes. A file that breaks
 * these rules throws, so parsing a download is itself the line-ending check.
 */
export function parseCsv(text: string, separator: string): CsvTable {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let index = 0;
  while (index < text.length) {
    const character = text.charAt(index);
    if (quoted) {
      if (character === '"' && text.charAt(index + 1) === '"') {
        field += '"';
        index += 2;
      } else if (character === '"') {
        quoted = false;
        index += 1;
      } else {
        field += character;
        index += 1;
      }
    } else if (character === '"' && field === "") {
      quoted = true;
      index += 1;
    } else if (character === separator) {
      fields.push(field);
      field = "";
      index += 1;
    } else if (character === "\r" && text.charAt(index + 1) === "\n") {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = "";
      index += 2;
    } else if (character === "\r" || character === "\n") {
      throw new Error(`Fin de ligne autre que CRLF à la position ${index} du fichier CSV.`);
    } else {
      field += character;
      index += 1;
    }
  }
  if (quoted) throw new Error("Guillemet non refermé à la fin du fichier CSV.");
  if (field !== "" || fields.length > 0)
    throw new Error("La dernière ligne du fichier CSV ne finit pas par CRLF.");
  const [header, ...rest] = records;
  if (!header) throw new Error("Fichier CSV vide.");
  for (const [position, record] of rest.entries()) {
    if (record.length !== header.length) {
      throw new Error(
        `Ligne ${position + 2} du fichier CSV : ${record.length} champs au lieu des ${header.length} de l'en-tête.`,
      );
    }
  }
  return { header, records: rest };
}

/** The records as objects keyed by the header's names, for reading a column by its title. */
export function csvObjects({ header, records }: CsvTable): Record<string, string>[] {
  return records.map((record) =>
    Object.fromEntries(header.map((name, index) => [name, record[index] ?? ""])),
  );
}
