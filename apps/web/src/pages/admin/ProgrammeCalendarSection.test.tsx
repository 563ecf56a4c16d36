import type { SetProgrammeCalendarInput } from "@defis/domain";
import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockAuth, mockProcedures } from "../../test/api-server";
import { adminUser, programmeCalendar } from "../../test/fixtures";
import { renderPage } from "../../test/render";
import { ProgrammeCalendarSection } from "./ProgrammeCalendarSection";

function serveCalendar() {
  const saved: SetProgrammeCalendarInput[] = [];
  mockAuth({ user: adminUser });
  mockProcedures({
    "programme.calendar": () => programmeCalendar,
    "programme.setCalendar": (input) => {
      const set = input as SetProgrammeCalendarInput;
      saved.push(set);
      return {
        endsOn: set.endsOn,
        consumptionDeadlineOn: set.consumptionDeadlineOn,
        isDemo: false,
        version: 4,
      };
    },
  });
  return saved;
}

describe("ProgrammeCalendarSection", () => {
  it("says the dates are demonstration data until an administrator sets them", async () => {
    serveCalendar();
    renderPage(<ProgrammeCalendarSection />);
    const ends = await screen.findByLabelText<HTMLInputElement>("Fin du programme");
    expect(ends.value).toBe("2024-12-31");
    expect(screen.getByText(/Les dates actuelles sont des données de démonstration/)).toBeDefined();
  });

  it("refuses a deadline before the end with the shared schema's message, without calling the server", async () => {
    const saved = serveCalendar();
    renderPage(<ProgrammeCalendarSection />);
    const deadline = await screen.findByLabelText<HTMLInputElement>(
      "Date limite de consommation de l'enveloppe",
    );
    fireEvent.change(deadline, { target: { value: "2024-06-30" } });
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer le calendrier" }));
    expect(
      await screen.findByText("La date limite de consommation ne peut pas précéder la fin du programme."),
    ).toBeDefined();
    expect(deadline.getAttribute("aria-invalid")).toBe("true");
    expect(saved).toEqual([]);
  });

  it("saves both dates with the version read and announces them", async () => {
    const saved = serveCalendar();
    renderPage(<ProgrammeCalendarSection />);
    const ends = await screen.findByLabelText<HTMLInputElement>("Fin du programme");
    fireEvent.change(ends, { target: { value: "2026-06-30" } });
    fireEvent.change(screen.getByLabelText("Date limite de consommation de l'enveloppe"), {
      target: { value: "2026-12-31" },
    });
    await userEvent.click(screen.getByRole("button", { name: "Enregistrer le calendrier" }));
    expect(
      await screen.findByText(
        "Calendrier enregistré : fin le 30/06/2026, enveloppe à consommer avant le 31/12/2026.",
      ),
    ).toBeDefined();
    expect(saved).toEqual([{ endsOn: "2026-06-30", consumptionDeadlineOn: "2026-12-31", version: 3 }]);
  });
});
