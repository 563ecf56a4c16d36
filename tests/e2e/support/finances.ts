import type { Locator, Page } from "playwright-core";

export const FINANCES_PATH = "/finances";
export const FINANCES_HEADING = "Finances";

export function laureateFinancesPath(slug: string): string {
  return `/laureats/${encodeURIComponent(slug)}?onglet=finances`;
}

const euroFormat = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const longDateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const shortDateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

/**
 * An amount as the app shows it: "1 234 567,89 €", with a narrow no-break
 * space (U+202F) between groups and a no-break space (U+00A0) before "€".
 */
export const FRENCH_EUROS = /^-?\d{1,3}(?:\u202f\d{3})*,\d{2}\u00a0€$/;
const FRENCH_EUROS_PARTS = /^(-?)(\d{1,3}(?:\u202f\d{3})*),(\d{2})\u00a0€$/;

/** Cents → "1 234,56 €", as Intl formats them for fr-FR. */
export function euros(cents: number): string {
  return euroFormat.format(cents / 100);
}

/** "1 234,56 €" → 123456, digit by digit; throws on anything not formatted the French way. */
export function centsOf(text: string): number {
  const match = FRENCH_EUROS_PARTS.exec(text.trim());
  if (!match) throw new Error(`Montant attendu au format français (« 1 234,56 € ») : « ${text} »`);
  const [, sign = "", whole = "", decimals = ""] = match;
  const cents = Number(whole.replaceAll("\u202f", "")) * 100 + Number(decimals);
  return sign === "-" ? -cents : cents;
}

/** The amount a figure starts with, its "au 25 novembre 2026" aside: "1 234,56 € au …" → 123456. */
export function leadingCentsOf(text: string): number {
  return centsOf(text.split(" au ")[0] ?? "");
}

/** Cents as a person types them in an amount field: 1234567 → "12345,67". */
export function typedEuros(cents: number): string {
  const rest = cents % 100;
  return rest === 0 ? String(cents / 100) : `${Math.floor(cents / 100)},${String(rest).padStart(2, "0")}`;
}

/** Cents as the CSV files write them: 1234567 → "12345,67" (Excel) or "12345.67" (open data). */
export function csvEuros(cents: number, decimalSeparator: "," | "."): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}${decimalSeparator}${String(absolute % 100).padStart(2, "0")}`;
}

/** "2026-11-25" → "25 novembre 2026", the way the app's notices write a day. */
export function longDate(isoDay: string): string {
  return longDateFormat.format(new Date(`${isoDay}T12:00:00Z`));
}

/** "2026-11-25" → "25/11/2026", the way the app's tables write a day. */
export function shortDate(isoDay: string): string {
  return shortDateFormat.format(new Date(`${isoDay}T12:00:00Z`));
}

/** The envelope's tiles, label → value, with the "(démonstration)" mark taken off the labels. */
export async function readTiles(
  page: Page,
  listName = "Chiffres clés de l'enveloppe",
): Promise<Record<string, string>> {
  const list = page.getByRole("list", { name: listName, exact: true });
  await list.waitFor();
  const pairs = await list
    .locator(":scope > li")
    .evaluateAll((items) =>
      items.map((item) => [
        item.querySelector("p")?.textContent.trim() ?? "",
        item.querySelector(".defis-kpi-value")?.textContent.trim() ?? "",
      ]),
    );
  return Object.fromEntries(
    pairs.map(([label = "", value = ""]) => [label.replace(" (démonstration)", ""), value]),
  );
}

/** The terms and values of every description list in `scope`: "Versé" → "1 234,56 € au …". */
export async function readFigures(scope: Locator): Promise<Record<string, string>> {
  const pairs = await scope.locator("dt").evaluateAll((terms) =>
    terms.map((term) => {
      const value = term.nextElementSibling;
      return [term.textContent.trim(), value?.tagName === "DD" ? value.textContent.trim() : ""];
    }),
  );
  return Object.fromEntries(pairs.map(([term = "", value = ""]) => [term, value]));
}

/** A table as a person reads it: caption, column headers, and each row's header and cells, as rendered text. */
export interface TableText {
  caption: string;
  headers: string[];
  rows: string[][];
}

/** Every table of `scope`, in page order. */
export async function readTables(scope: Page | Locator): Promise<TableText[]> {
  return scope.locator("table").evaluateAll((tables) =>
    tables.map((table) => {
      const text = (cell: Element) => (cell instanceof HTMLElement ? cell.innerText : "").trim();
      const element = table as HTMLTableElement;
      return {
        caption: element.caption ? text(element.caption) : "",
        headers: Array.from(element.tHead?.rows[0]?.cells ?? [], text),
        rows: Array.from(element.tBodies[0]?.rows ?? [], (row) => Array.from(row.cells, text)),
      };
    }),
  );
}

/** The same table without one of its columns (the actions only some roles get). */
export function withoutColumn(table: TableText, header: string): TableText {
  const index = table.headers.indexOf(header);
  if (index === -1) return table;
  const keep = (_cell: string, position: number) => position !== index;
  return { ...table, headers: table.headers.filter(keep), rows: table.rows.map((row) => row.filter(keep)) };
}

/** A row of `table` found by the text of its row header (its first cell). */
export function rowNamed(table: Locator, rowHeader: string | RegExp): Locator {
  return table.locator("tbody tr").filter({
    has: table.page().getByRole("rowheader", { name: rowHeader, exact: typeof rowHeader === "string" }),
  });
}

/**
 * The data cells of a row (its row header aside), as rendered text, with line
 * breaks (a wrapped button, a list of steps) read as spaces. Only ASCII
 * whitespace is collapsed: the no-break spaces of amounts are part of them.
 */
export async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.getByRole("cell").allInnerTexts()).map((text) => text.replace(/[ \t\r\n]+/g, " ").trim());
}
