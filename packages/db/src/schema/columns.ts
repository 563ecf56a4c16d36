import { boolean, integer, timestamp } from "drizzle-orm/pg-core";

/**
 * Columns that most tables carry, written once so that they cannot drift
 * from table to table. Each is a function: drizzle needs a fresh column
 * builder per table.
 */

/** The surrogate key: an identity the database generates. */
export const identityKey = () => integer("id").primaryKey().generatedAlwaysAsIdentity();

/** When something happened, with its time zone, by default when the row is written. */
export const writtenAt = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** Rows of the demonstration scenario are marked, so that no invented figure passes for a real one. */
export const demonstrationFlag = () => boolean("is_demo").notNull().default(false);

/** Optimistic locking: an edit names the version it read. */
export const versionNumber = () => integer("version").notNull().default(1);
