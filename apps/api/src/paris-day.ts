/** The calendar day in Paris ("2026-11-25") of an instant: French public finance counts in Paris days. */
export function parisDay(instant = new Date()): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(instant);
}
