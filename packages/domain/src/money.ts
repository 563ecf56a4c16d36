import { z } from "zod";

/**
 * Amounts are integer euro cents from the database to the formatter: floats
 * cannot represent cents exactly and would drift on sums.
 */
export const centsSchema = z
  .number({ error: "Le montant doit être un nombre." })
  .int({ error: "Le montant doit être exprimé en centimes entiers." })
  .nonnegative({ error: "Le montant ne peut pas être négatif." })
  .max(Number.MAX_SAFE_INTEGER, { error: "Le montant est trop grand." });

export type Cents = z.infer<typeof centsSchema>;

export function euros(amount: number): Cents {
  return Math.round(amount * 100);
}

/** Share of `part` in `whole`, as a ratio between 0 and 1 (0 when whole is 0). */
export function ratio(part: Cents, whole: Cents): number {
  return whole === 0 ? 0 : part / whole;
}
