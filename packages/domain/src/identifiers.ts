import { z } from "zod";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

/**
 * A laureate named in an input. Bounded before its pattern is read: an
 * identifier of 900 000 characters is refused at once, and no message echoes
 * what was sent.
 */
export const laureateSlug = z
  .string()
  .max(MAX_SLUG_LENGTH, { error: `Identifiant de lauréat invalide (${MAX_SLUG_LENGTH} caractères au plus).` })
  .regex(SLUG_PATTERN, { error: "Identifiant de lauréat invalide." });

/** The largest value of PostgreSQL's `integer`, the type of every id and version column. */
const MAX_STORED_INTEGER = 2_147_483_647;

/** An id or a version number: positive, and small enough for the column that holds it. */
export const storedInteger = z
  .number()
  .int()
  .positive()
  .max(MAX_STORED_INTEGER, { error: "Identifiant hors des limites." });
