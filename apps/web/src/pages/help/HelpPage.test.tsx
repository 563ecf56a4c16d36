import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures } from "../../test/api-server";
import { sponsorUser } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import type { HelpTerm } from "../../routes";

const LINKED_TERMS: HelpTerm[] = [
  "tranche",
  "service-fait",
  "engage",
  "restes-a-payer",
  "taux-de-versement",
  "prevu",
  "meteo",
  "sante-calculee",
  "meteo-a-verifier",
  "fraicheur",
  "jalon",
  "relance",
];

describe("Aide", () => {
  it("answers for each role what to do first, and is reachable from the header and the footer", async () => {
    mockAuth({ user: sponsorUser });
    mockProcedures({ "programme.overview": () => null });
    renderApp("/aide");
    expect(await screen.findByRole("heading", { name: "Aide", level: 1 })).toBeDefined();
    for (const role of ["Sponsor ministériel", "Chargé·e de mission DITP", "Direction", "Administrateur"]) {
      const section = screen.getByRole("region", { name: role });
      expect(within(section).getByRole("heading", { name: "Par quoi commencer" })).toBeDefined();
      expect(within(section).getAllByRole("listitem").length).toBeGreaterThan(2);
    }
    const helpLinks = screen.getAllByRole("link", { name: "Aide" });
    expect(helpLinks.length).toBeGreaterThanOrEqual(2);
    expect(helpLinks.every((link) => link.getAttribute("href") === "/aide")).toBe(true);
  });

  it("defines every term a '?' link points to, with its rule", async () => {
    mockAuth({ user: null });
    renderApp("/aide");
    await screen.findByRole("heading", { name: "Aide", level: 1 });
    for (const term of LINKED_TERMS) {
      const entry = document.getElementById(term);
      expect(entry?.tagName, term).toBe("DT");
      expect(entry?.nextElementSibling?.textContent.length ?? 0, term).toBeGreaterThan(40);
    }
    expect(document.getElementById("sante-calculee")?.nextElementSibling?.textContent).toContain(
      "Un jalon en retard de 1 à 29 jours : nuage",
    );
    expect(document.getElementById("engage")?.nextElementSibling?.textContent).toContain(
      "engagement juridique (EJ) est saisi dans Chorus",
    );
  });

  it("takes the focus to the term a '?' link names", async () => {
    mockAuth({ user: null });
    renderApp("/aide#fraicheur");
    await waitFor(() => expect(document.activeElement?.id).toBe("fraicheur"));
  });
});
