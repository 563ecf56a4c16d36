import { z } from "zod";

/** The input fields the replication forms share. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Date attendue au format AAAA-MM-JJ." });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${max} caractères au plus.` })
    .transform((value) => (value === "" ? null : value))
    .nullable();
