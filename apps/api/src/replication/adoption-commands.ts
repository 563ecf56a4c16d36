import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import {
  NotFound,
  Refusal,
  staleVersion,
  ADOPTION_STAGES,
  canMoveAdoption,
  type MoveAdoptionInput,
  type RecordAdoptionInput,
  type UpdateAdoptionInput,
} from "@defis/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { laureateIdOf } from "../laureates/laureate-ids.js";

const { adoptions } = schema;

interface AdoptionFacts {
  organisation: string;
  regionCode: string;
  departementCode: string | null;
  contact: string | null;
  notes: string | null;
}

/** The columns an adoption's form writes. */
function storedFacts(input: AdoptionFacts): AdoptionFacts {
  return {
    organisation: input.organisation,
    regionCode: input.regionCode,
    departementCode: input.departementCode,
    contact: input.contact,
    notes: input.notes,
  };
}

/** The same facts as the audit trail names them. */
function adoptionFacts(adoption: AdoptionFacts) {
  return {
    organisation: adoption.organisation,
    region: adoption.regionCode,
    departement: adoption.departementCode,
    contact: adoption.contact,
    notes: adoption.notes,
  };
}

export async function recordAdoption(db: Executor, actor: Actor, input: RecordAdoptionInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const facts = storedFacts(input);
  const [created] = await db
    .insert(adoptions)
    .values({ laureateId, ...facts, stage: "identifiee", identifiedOn: input.identifiedOn })
    .returning({ id: adoptions.id, version: adoptions.version });
  if (!created) throw new Error("L'adoption enregistrée est introuvable.");
  await recordAudit(db, actor, {
    action: "adoption.creation",
    entityId: created.id,
    laureateId,
    before: {},
    after: { ...adoptionFacts(facts), etape: "identifiee", date: input.identifiedOn },
  });
  return { adoptionId: created.id, version: created.version };
}

/**
 * The adoption, locked, if it belongs to the laureate the input names: the
 * sponsor's scope was checked on that laureate, so an adoption of another one
 * is treated as absent.
 */
async function lockedAdoption(db: Executor, laureateId: number, adoptionId: number) {
  const [adoption] = await db
    .select()
    .from(adoptions)
    .where(and(eq(adoptions.id, adoptionId), eq(adoptions.laureateId, laureateId)))
    .for("update");
  if (!adoption) throw new NotFound("Cette adoption n'existe pas ou plus.");
  const { laureateId: _laureate, createdAt: _created, updatedAt: _updated, ...current } = adoption;
  return { adoption, current };
}

/** Writes `changes` if the adoption is still on `version`: the check and the write are one statement. */
async function writeOnVersion(
  db: Executor,
  adoptionId: number,
  version: number,
  changes: Partial<typeof adoptions.$inferInsert>,
  current: Record<string, unknown>,
): Promise<{ version: number }> {
  const [updated] = await db
    .update(adoptions)
    .set({ ...changes, version: sql`${adoptions.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(adoptions.id, adoptionId), eq(adoptions.version, version)))
    .returning({ version: adoptions.version });
  if (!updated) staleVersion(current);
  return updated;
}

export async function updateAdoption(db: Executor, actor: Actor, input: UpdateAdoptionInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const { adoption, current } = await lockedAdoption(db, laureateId, input.adoptionId);
  if (adoption.version !== input.version) staleVersion(current);
  const facts = storedFacts(input);
  const updated = await writeOnVersion(db, adoption.id, input.version, facts, current);
  await recordAudit(db, actor, {
    action: "adoption.modification",
    entityId: adoption.id,
    laureateId,
    before: adoptionFacts(adoption),
    after: adoptionFacts(facts),
  });
  return { adoptionId: adoption.id, version: updated.version };
}

/** The date of the stage an adoption stands at: a next stage cannot come before it. */
function dateOfCurrentStage(adoption: typeof adoptions.$inferSelect): string {
  return adoption.deployedOn ?? adoption.pilotOn ?? adoption.contactedOn ?? adoption.identifiedOn;
}

/** Moves an adoption one stage forward, or abandons it, dated; the version read must still be current. */
export async function moveAdoption(db: Executor, actor: Actor, input: MoveAdoptionInput) {
  const laureateId = await laureateIdOf(db, input.laureateSlug);
  const { adoption, current } = await lockedAdoption(db, laureateId, input.adoptionId);
  if (adoption.version !== input.version) staleVersion(current);
  if (!canMoveAdoption(adoption.stage, input.to)) {
    throw new Refusal(
      `Une adoption « ${ADOPTION_STAGES[adoption.stage]} » ne peut pas passer à « ${ADOPTION_STAGES[input.to]} ».`,
    );
  }
  const previous = dateOfCurrentStage(adoption);
  if (input.on < previous) {
    throw new Refusal(
      `La date ne peut pas précéder celle de l'étape actuelle (${previous.split("-").reverse().join("/")}).`,
      "invalid",
    );
  }
  const step = {
    contactee: { contactedOn: input.on },
    pilote: { pilotOn: input.on },
    deployee: { deployedOn: input.on },
    abandonnee: { abandonedOn: input.on, abandonReason: input.reason ?? null },
  }[input.to];
  const updated = await writeOnVersion(db, adoption.id, input.version, { ...step, stage: input.to }, current);
  await recordAudit(db, actor, {
    action: "adoption.etape",
    entityId: adoption.id,
    laureateId,
    before: { etape: adoption.stage },
    after: { etape: input.to, date: input.on, motif: input.reason ?? null },
  });
  return { adoptionId: adoption.id, stage: input.to, version: updated.version };
}
