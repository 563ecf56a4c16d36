import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockProcedures, ProcedureError } from "../../test/api-server";
import { laureateDetailFixture } from "../../test/fixtures";
import { renderPage } from "../../test/render";
import LaureatePage from "./LaureatePage";

const PATH = "/laureats/:slug";

describe("LaureatePage", () => {
  it("shows the laureate's facts, benefits and source", async () => {
    mockProcedures({
      "laureates.bySlug": (input) =>
        (input as { slug: string }).slug === "registre-reunion"
          ? laureateDetailFixture
          : new ProcedureError("NOT_FOUND", "Ce lauréat n'existe pas ou plus.", 404),
    });
    renderPage(<LaureatePage />, { url: "/laureats/registre-reunion", path: PATH });
    expect(await screen.findByRole("heading", { level: 1, name: "Registre des transports" })).toBeDefined();
    expect(screen.getByText("DEAL de La Réunion")).toBeDefined();
    expect(screen.getAllByText("La Réunion (974)").length).toBeGreaterThan(0);
    expect(screen.getByText("Un processus de gestion plus fluide")).toBeDefined();
    expect(screen.getByText("L'annonce ne précise pas de bénéfice pour ce public.")).toBeDefined();
    expect(screen.getByText("Montant alloué (démonstration)")).toBeDefined();
    expect(screen.getByText("Montant alloué (démonstration)").nextElementSibling?.textContent).toBe(
      "23\u202f456,78\u00a0€",
    );
    expect(document.title).toBe("Registre des transports — Défis");
  });

  it("shows the not-found page for an unknown laureate", async () => {
    mockProcedures({
      "laureates.bySlug": () => new ProcedureError("NOT_FOUND", "Ce lauréat n'existe pas ou plus.", 404),
    });
    renderPage(<LaureatePage />, { url: "/laureats/inconnu", path: PATH });
    expect(await screen.findByRole("heading", { level: 1, name: "Page introuvable" })).toBeDefined();
    expect(screen.getByText("Ce lauréat n'existe pas ou a été retiré du portefeuille.")).toBeDefined();
  });
});
