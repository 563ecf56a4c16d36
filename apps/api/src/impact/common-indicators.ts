import type { Executor } from "@defis/db";
import { readTogether, schema } from "@defis/db";
import {
  INDICATOR_UNITS,
  NotFound,
  Refusal,
  staleVersion,
  type CommonIndicatorItem,
  type DefineCommonIndicatorInput,
  type UpdateCommonIndicatorInput,
} from "@defis/domain";
import { and, asc, count, eq, isNotNull, ne, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";

const { commonIndicators, indicators } = schema;

/**
 * The officers' catalogue of common indicators: the ones that add up across
 * laureates. Only followed indicators count as linked to one.
 */

/** The catalogue, by name, with how many followed indicators each one gathers. */
export async function listCommonIndicators(db: Executor): Promise<CommonIndicatorItem[]> {
  const [catalogue, linked] = await readTogether(db, [
    () => db.select().from(commonIndicators).orderBy(asc(commonIndicators.name)),
    () =>
      db
        .select({ commonIndicatorId: indicators.commonIndicatorId, total: count() })
        .from(indicators)
        .where(and(isNotNull(indicators.commonIndicatorId), eq(indicators.status, "suivi")))
        .groupBy(indicators.commonIndicatorId),
  ] as const);
  const linkedTo = new Map(linked.map((row) => [row.commonIndicatorId, row.total]));
  return catalogue.map((entry) => ({
    id: entry.id,
    name: entry.name,
    unit: entry.unit,
    unitLabel: entry.unitLabel,
    aggregation: entry.aggregation,
    description: entry.description,
    version: entry.version,
    isDemo: entry.isDemo,
    linkedIndicators: linkedTo.get(entry.id) ?? 0,
  }));
}

type CommonFacts = DefineCommonIndicatorInput;

/** The columns the form writes: a free unit's wording is kept for "libre" only. */
function storedFacts(input: CommonFacts) {
  return {
    name: input.name,
    unit: input.unit,
    unitLabel: input.unit === "libre" ? input.unitLabel : "",
    aggregation: input.aggregation,
    description: input.description,
  };
}

/** The same facts as the journal names them. */
function auditFacts(facts: ReturnType<typeof storedFacts>) {
  return {
    nom: facts.name,
    unite: facts.unit,
    libelleUnite: facts.unitLabel,
    agregation: facts.aggregation,
    description: facts.description,
  };
}

function duplicateName(name: string): Refusal {
  return new Refusal(`Un indicateur commun s'appelle déjà « ${name} » : choisissez un autre nom.`);
}

function checkUnitLabel(input: CommonFacts) {
  if (input.unit === "libre" && input.unitLabel === "") {
    throw new Refusal("Précisez l'unité.", "invalid");
  }
}

export async function defineCommonIndicator(
  db: Executor,
  actor: Actor,
  input: DefineCommonIndicatorInput,
): Promise<{ commonIndicatorId: number; version: number }> {
  checkUnitLabel(input);
  const facts = storedFacts(input);
  // The unique name decides, even when two officers create the same one at once.
  const [created] = await db
    .insert(commonIndicators)
    .values({ ...facts, updatedBy: actor.userId })
    .onConflictDoNothing({ target: commonIndicators.name })
    .returning({ id: commonIndicators.id, version: commonIndicators.version });
  if (!created) throw duplicateName(facts.name);
  await recordAudit(db, actor, {
    action: "indicateur-commun.creation",
    entityId: created.id,
    before: {},
    after: auditFacts(facts),
  });
  return { commonIndicatorId: created.id, version: created.version };
}

/**
 * Rewords a common indicator on the version read. Its unit stays while
 * followed indicators are linked to it: their values were measured in it.
 */
export async function updateCommonIndicator(
  db: Executor,
  actor: Actor,
  input: UpdateCommonIndicatorInput,
): Promise<{ commonIndicatorId: number; version: number }> {
  checkUnitLabel(input);
  const [row] = await db
    .select()
    .from(commonIndicators)
    .where(eq(commonIndicators.id, input.commonIndicatorId))
    .for("update");
  if (!row) throw new NotFound("Cet indicateur commun n'existe pas.");
  const { createdAt: _created, updatedAt: _updated, updatedBy: _by, ...current } = row;
  if (row.version !== input.version) staleVersion(current);
  const facts = storedFacts(input);
  if (facts.unit !== row.unit || facts.unitLabel !== row.unitLabel) {
    const [linked] = await db
      .select({ total: count() })
      .from(indicators)
      .where(and(eq(indicators.commonIndicatorId, row.id), eq(indicators.status, "suivi")));
    const total = linked?.total ?? 0;
    if (total > 0) {
      throw new Refusal(
        `L'unité reste « ${row.unit === "libre" ? row.unitLabel : INDICATOR_UNITS[row.unit]} » : ${String(total)} indicateur${total > 1 ? "s suivis y sont rattachés" : " suivi y est rattaché"}, mesuré${total > 1 ? "s" : ""} dans cette unité.`,
      );
    }
  }
  if (facts.name !== row.name) {
    const [namesake] = await db
      .select({ id: commonIndicators.id })
      .from(commonIndicators)
      .where(and(eq(commonIndicators.name, facts.name), ne(commonIndicators.id, row.id)));
    if (namesake) throw duplicateName(facts.name);
  }
  const [updated] = await db
    .update(commonIndicators)
    .set({
      ...facts,
      updatedBy: actor.userId,
      version: sql`${commonIndicators.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(commonIndicators.id, row.id), eq(commonIndicators.version, input.version)))
    .returning({ version: commonIndicators.version });
  if (!updated) staleVersion(current);
  await recordAudit(db, actor, {
    action: "indicateur-commun.modification",
    entityId: row.id,
    before: auditFacts(row),
    after: auditFacts(facts),
  });
  return { commonIndicatorId: row.id, version: updated.version };
}
