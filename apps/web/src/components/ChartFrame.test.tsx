import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ChartFrame } from "./ChartFrame";

/** An IntersectionObserver the test drives: the section comes near the screen when it says so. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.instances.push(this);
  }
  observe() {}
  disconnect() {}
  bringNear() {
    this.callback([{ isIntersecting: true } as IntersectionObserverEntry], this as never);
  }
}

function renderFrame() {
  render(
    <ChartFrame
      headingId="titre"
      title="Versements par mois"
      dataDate="2026-11-30"
      chart={<svg data-testid="picture" />}
      table={{ caption: "Versements par mois", columns: [{ header: "Mois" }], rows: [] }}
      download={{ fileName: "versements", csv: { header: ["Mois"], rows: [] } }}
    />,
  );
}

describe("ChartFrame", () => {
  beforeEach(() => {
    FakeObserver.instances = [];
    vi.stubGlobal("IntersectionObserver", FakeObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("draws a chart on screen at once, before the first paint", () => {
    renderFrame();
    expect(screen.getByTestId("picture")).toBeDefined();
    expect(FakeObserver.instances).toHaveLength(0);
  });

  it("draws a chart below the fold once scrolling brings it near, its table there from the start", async () => {
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({
      top: 5000,
      bottom: 5400,
    } as DOMRect);
    renderFrame();
    expect(screen.queryByTestId("picture")).toBeNull();
    expect(screen.getByRole("table", { name: "Versements par mois" })).toBeDefined();
    await userEvent.click(screen.getByRole("button", { name: "Télécharger l'image (PNG)" }));
    expect(screen.getByRole("alert").textContent).toBe(
      "Le graphique est en cours de dessin : réessayez dans un instant.",
    );

    act(() => FakeObserver.instances[0]?.bringNear());
    expect(screen.getByTestId("picture")).toBeDefined();
  });
});
