import { fireEvent, screen } from "@testing-library/react";
import { expect } from "vitest";

/** A chart's table is behind its « Voir les données » disclosure: opened as a reader would. */
export function openChartData(caption: string): HTMLElement {
  const summary = screen.getByText(
    (_, element) => element?.tagName === "SUMMARY" && element.textContent === `Voir les données : ${caption}`,
  );
  const details = summary.closest("details");
  if (!details) throw new Error(`no disclosure for ${caption}`);
  if (!details.open) fireEvent.click(summary);
  expect(details.open).toBe(true);
  return screen.getByRole("table", { name: caption });
}
