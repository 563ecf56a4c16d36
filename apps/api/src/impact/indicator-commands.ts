import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  INDICATOR_UNITS,
  NotFound,
  Refusal,
  staleVersion,
  type DecideIndicatorProposalInput,
  type DefineIndicatorInput,
  type UpdateIndicatorInput,
} from "@defis/domain";
import { and, eq, ne, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";

const { commonIndicators, indicators, indicatorYearlyTargets, laureates } = schema;

type IndicatorRow = typeof indicators.$inferSelect;
type Definition = Omit<DefineIndicatorInput, "laureateSlug">;
type YearlyTargets = Definition["yearlyTargets"];

/** An indicator as the audit trail names its fields. */
function indicatorAuditFacts(
  row: Omit<IndicatorRow, "id" | "laureateId" | "version" | "isDemo" | "createdAt" | "updatedAt">,
  yearlyTargets: YearlyTargets,
  commonName: string | null,
) {
  return {
    nom: row.name,
    unite: row.unit,
    libelleUnite: row.unitLabel,
    objet: row.subject,
    sens: row.direction,
    valeurInitiale: row.baselineValue,
    dateValeurInitiale: row.baselineOn,
    cible: row.targetValue,
    dateCible: row.targetOn,
    ciblesAnnuelles: yearlyTargets.map((target) => ({ annee: target.year, valeur: target.value })),
    periodicite: row.periodicity,
    source: row.source,
    methode: row.method,
    indicateurCommun: commonName,
    poids: row.weight,
    statut: row.status,
    motifRefus: row.refusalReason,
  };
}

/** The common indicator named, which the indicator's unit must match; its name for the journal. */
async function checkedCommonIndicator(db: Executor, definition: Definition): Promise<string | null> {
  if (definition.commonIndicatorId === null) return null;
  const [common] = await db
    .select()
    .from(commonIndicators)
    .where(eq(commonIndicators.id, definition.commonIndicatorId));
  if (!common) throw new Refusal("Cet indicateur commun n'existe pas ou plus.", "invalid");
  const sameUnit =
    common.unit === definition.unit && (common.unit !== "libre" || common.unitLabel === definition.unitLabel);
  if (!sameUnit) {
    const unit = common.unit === "libre" ? common.unitLabel : INDICATOR_UNITS[common.unit];
    throw new Refusal(
      `L'indicateur commun « ${common.name} » se compte en « ${unit} » : l'indicateur doit avoir la même unité.`,
      "invalid",
    );
  }
  return common.name;
}

/**
 * Names are unique per laureate: a definition and a rename of the same
 * laureate wait for each other here, so that the second one reads the first
 * one's name and is refused in French, never by the unique index (a 500).
 * The laureate row is locked without blocking what only references it.
 */
async function lockIndicatorNames(db: Executor, laureateId: number) {
  await db
    .select({ id: laureates.id })
    .from(laureates)
    .where(eq(laureates.id, laureateId))
    .for("no key update");
}

function nameTaken(name: string): never {
  throw new Refusal(`Ce lauréat a déjà un indicateur nommé « ${name} ».`, "conflict");
}

async function writeYearlyTargets(db: Executor, indicatorId: number, targets: YearlyTargets) {
  await db.delete(indicatorYearlyTargets).where(eq(indicatorYearlyTargets.indicatorId, indicatorId));
  if (targets.length === 0) return;
  await db
    .insert(indicatorYearlyTargets)
    .values(targets.map((target) => ({ indicatorId, year: target.year, value: target.value })));
}

async function yearlyTargetsOf(db: Executor, indicatorId: number): Promise<YearlyTargets> {
  return db
    .select({ year: indicatorYearlyTargets.year, value: indicatorYearlyTargets.value })
    .from(indicatorYearlyTargets)
    .where(eq(indicatorYearlyTargets.indicatorId, indicatorId))
    .orderBy(indicatorYearlyTargets.year);
}

/**
 * Writes a new indicator, followed when an officer defines it, proposed when
 * a sponsor does; a name already used on the laureate is refused.
 */
async function insertIndicator(
  db: Executor,
  actor: Actor,
  input: DefineIndicatorInput,
  decision: Pick<IndicatorRow, "status" | "proposedBy" | "decidedBy"> & { decided: boolean },
) {
  const { laureateSlug, yearlyTargets, ...definition } = input;
  const laureateId = await laureateIdOf(db, laureateSlug);
  await lockIndicatorNames(db, laureateId);
  const commonName = await checkedCommonIndicator(db, input);
  const { decided, ...status } = decision;
  const [created] = await db
    .insert(indicators)
    .values({
      laureateId,
      ...definition,
      ...status,
      decidedAt: decided ? sql`now()` : null,
      updatedBy: actor.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) nameTaken(definition.name);
  await writeYearlyTargets(db, created.id, yearlyTargets);
  return { laureateId, created, after: indicatorAuditFacts(created, yearlyTargets, commonName) };
}

/** An officer defines a followed indicator of a laureate. */
export async function defineIndicator(db: Executor, actor: Actor, input: DefineIndicatorInput) {
  const { laureateId, created, after } = await insertIndicator(db, actor, input, {
    status: "suivi",
    proposedBy: null,
    decidedBy: actor.userId,
    decided: true,
  });
  await recordAudit(db, actor, { action: "indicateur.creation", entityId: created.id, laureateId, after });
  return { indicatorId: created.id };
}

/** A sponsor proposes an indicator; it counts nowhere until an officer accepts it. */
export async function proposeIndicator(db: Executor, actor: Actor, input: DefineIndicatorInput) {
  const { laureateId, created, after } = await insertIndicator(db, actor, input, {
    status: "propose",
    proposedBy: actor.userId,
    decidedBy: null,
    decided: false,
  });
  await recordAudit(db, actor, { action: "indicateur.proposition", entityId: created.id, laureateId, after });
  return { indicatorId: created.id };
}

/** The indicator, locked for the change, on the version the user read, if it belongs to the laureate. */
async function lockIndicator(
  db: Executor,
  laureateId: number,
  indicatorId: number,
  version: number,
): Promise<IndicatorRow> {
  const [row] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.id, indicatorId), eq(indicators.laureateId, laureateId)))
    .for("update");
  if (!row) throw new NotFound("Cet indicateur n'existe pas ou plus pour ce lauréat.");
  if (row.version !== version) {
    const { createdAt: _created, updatedAt: _updated, ...current } = row;
    staleVersion(
      {
        ...current,
        decidedAt: row.decidedAt?.toISOString() ?? null,
        yearlyTargets: await yearlyTargetsOf(db, row.id),
      },
      `L'indicateur « ${row.name} » a été modifié entre-temps. Ses valeurs actuelles sont affichées : vérifiez-les puis réappliquez vos changements.`,
    );
  }
  return row;
}

async function commonNameOf(db: Executor, commonIndicatorId: number | null): Promise<string | null> {
  if (commonIndicatorId === null) return null;
  const [common] = await db
    .select({ name: commonIndicators.name })
    .from(commonIndicators)
    .where(eq(commonIndicators.id, commonIndicatorId));
  return common?.name ?? null;
}

/** An officer changes an indicator's definition; its yearly targets are replaced by those given. */
export async function updateIndicator(db: Executor, actor: Actor, input: UpdateIndicatorInput) {
  const { laureateSlug, indicatorId, version, yearlyTargets, ...definition } = input;
  const laureateId = await laureateIdOf(db, laureateSlug);
  await lockIndicatorNames(db, laureateId);
  const row = await lockIndicator(db, laureateId, indicatorId, version);
  const commonName = await checkedCommonIndicator(db, input);
  const [homonym] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(
      and(
        eq(indicators.laureateId, laureateId),
        eq(indicators.name, definition.name),
        ne(indicators.id, row.id),
      ),
    );
  if (homonym) nameTaken(definition.name);
  const before = indicatorAuditFacts(
    row,
    await yearlyTargetsOf(db, row.id),
    await commonNameOf(db, row.commonIndicatorId),
  );
  const [updated] = await db
    .update(indicators)
    .set({
      ...definition,
      version: sql`${indicators.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: actor.userId,
    })
    .where(eq(indicators.id, row.id))
    .returning();
  if (!updated) throw new Error("L'indicateur modifié est introuvable.");
  await writeYearlyTargets(db, row.id, yearlyTargets);
  await recordAudit(db, actor, {
    action: "indicateur.modification",
    entityId: row.id,
    laureateId,
    before,
    after: indicatorAuditFacts(updated, yearlyTargets, commonName),
  });
  return { indicatorId: row.id };
}

/** An officer accepts a sponsor's proposal (it is followed from now on) or refuses it with a reason. */
export async function decideProposal(db: Executor, actor: Actor, input: DecideIndicatorProposalInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const row = await lockIndicator(db, laureateId, input.indicatorId, input.version);
  if (row.status !== "propose") {
    throw new Refusal(
      `L'indicateur « ${row.name} » n'est pas une proposition en attente : il n'y a rien à accepter ou refuser.`,
      "conflict",
    );
  }
  const refused = input.decision === "refuser";
  const [decided] = await db
    .update(indicators)
    .set({
      status: refused ? "refuse" : "suivi",
      refusalReason: refused ? input.reason : null,
      decidedAt: sql`now()`,
      decidedBy: actor.userId,
      version: sql`${indicators.version} + 1`,
      updatedAt: sql`now()`,
      updatedBy: actor.userId,
    })
    .where(eq(indicators.id, row.id))
    .returning();
  if (!decided) throw new Error("L'indicateur décidé est introuvable.");
  await recordAudit(db, actor, {
    action: "indicateur.decision",
    entityId: row.id,
    laureateId,
    before: { statut: row.status },
    after: { statut: decided.status, motifRefus: decided.refusalReason },
  });
  return { indicatorId: row.id, status: decided.status };
}
