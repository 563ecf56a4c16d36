import { describe, expect, it } from "vitest";
import { centsToCsvEuros, serializeSvg, toExcelCsv } from "./chart-download";

describe("centsToCsvEuros", () => {
  it("writes euros with a decimal comma and no grouping, from integer cents", () => {
    expect(centsToCsvEuros(123_456_789)).toBe("1234567,89");
    expect(centsToCsvEuros(29)).toBe("0,29");
    expect(centsToCsvEuros(100)).toBe("1,00");
    expect(centsToCsvEuros(0)).toBe("0,00");
    expect(centsToCsvEuros(-2_505)).toBe("-25,05");
    // Beyond float precision for a /100: still exact.
    expect(centsToCsvEuros(9_007_199_254_740_991)).toBe("90071992547409,91");
  });
});

describe("toExcelCsv", () => {
  it("starts with the BOM, separates with semicolons, ends lines with CRLF, quotes when needed", () => {
    const csv = toExcelCsv({
      header: ["Catégorie", "Lauréats", "Alloué (€)"],
      rows: [
        ["Solutions numériques", 3, { cents: 2_345_678 }],
        ['Dit « ça ; va "bien" »', 0, { cents: 5 }],
      ],
    });
    expect(csv).toBe(
      "\uFEFFCatégorie;Lauréats;Alloué (€)\r\n" +
        "Solutions numériques;3;23456,78\r\n" +
        '"Dit « ça ; va ""bien"" »";0;0,05\r\n',
    );
  });

  it("writes an indicator's decimal value with a comma, as Excel reads it in France", () => {
    expect(toExcelCsv({ header: ["Valeur (%)"], rows: [[12.5], [-3.25]] })).toBe(
      "\uFEFFValeur (%)\r\n12,5\r\n-3,25\r\n",
    );
  });
});

describe("serializeSvg", () => {
  it("makes a standalone SVG whose colours no longer depend on the page's CSS", () => {
    document.body.innerHTML = `<style>.axis { fill: rgb(1, 2, 3); }</style>
      <svg viewBox="0 0 10 10"><text class="axis">42</text></svg>`;
    const svg = document.querySelector("svg");
    if (!svg) throw new Error("no svg");
    const markup = serializeSvg(svg);
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).toMatch(/<text class="axis" style="[^"]*fill: rgb\(1, 2, 3\)/);
    document.body.innerHTML = "";
  });
});
