/**
 * What a chart's two download buttons produce: its figures as a CSV file that
 * Excel opens as is in France, and its picture as a PNG image.
 */

/** A text, a number (written with a decimal comma), or an amount in integer cents (written in euros). */
export type CsvCell = string | number | { cents: number };

export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

const BOM = "\uFEFF";
const SEPARATOR = ";";
const LINE_END = "\r\n";

/** 123456 → "1234,56": digits only, never through a float division. */
export function centsToCsvEuros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  const rest = absolute % 100;
  return `${sign}${String((absolute - rest) / 100)},${String(rest).padStart(2, "0")}`;
}

function csvText(cell: CsvCell): string {
  if (typeof cell === "number") return String(cell).replace(".", ",");
  if (typeof cell === "object") return centsToCsvEuros(cell.cents);
  return /[";\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Excel-friendly: UTF-8 with its BOM (accents survive), ";" between cells, decimal comma, CRLF. */
export function toExcelCsv(table: CsvTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvText).join(SEPARATOR));
  return `${BOM}${lines.join(LINE_END)}${LINE_END}`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadCsv(table: CsvTable, fileName: string): void {
  downloadBlob(new Blob([toExcelCsv(table)], { type: "text/csv;charset=utf-8" }), fileName);
}

/** The styles an SVG takes from the page (theme variables, classes) and loses once it stands alone. */
const INLINED_STYLES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "opacity",
  "color",
  "font-family",
  "font-size",
  "font-weight",
];

/** The chart's SVG as a standalone document, with the computed colours written on each element. */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll("*")];
  const copies = [clone, ...clone.querySelectorAll("*")];
  sources.forEach((source, index) => {
    const copy = copies[index];
    if (!(copy instanceof SVGElement)) return;
    const computed = getComputedStyle(source);
    for (const property of INLINED_STYLES) {
      const value = computed.getPropertyValue(property);
      if (value) copy.style.setProperty(property, value);
    }
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  if (width > 0 && height > 0) {
    clone.setAttribute("width", String(Math.round(width)));
    clone.setAttribute("height", String(Math.round(height)));
  }
  return new XMLSerializer().serializeToString(clone);
}

/** Twice the screen size, so that the image stays sharp in a slide deck. */
const PNG_SCALE = 2;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("L'image du graphique n'a pas pu être produite."));
    image.src = url;
  });
}

/** Draws the SVG on a canvas over the page's background colour (light or dark theme) and downloads it. */
export async function downloadSvgAsPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  // A data: address, which the site's CSP allows for images; a blob: one it refuses (img-src 'self' data:).
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg))}`);
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * PNG_SCALE);
  canvas.height = Math.round(height * PNG_SCALE);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("Le navigateur ne sait pas dessiner l'image du graphique.");
  context.fillStyle = getComputedStyle(document.body).backgroundColor || "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!png) throw new Error("L'image du graphique n'a pas pu être produite.");
  downloadBlob(png, fileName);
}
