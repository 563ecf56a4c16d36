import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { NotFound, staleVersion, type LaureateDetail, type UpdateLaureateInput } from "@defis/domain";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { findLaureateBySlug } from "./laureate-queries.js";

const { laureates } = schema;

function editableFacts(
  laureate: Pick<LaureateDetail, "porteur" | "ministry" | "fundingMode" | "partnerLabs">,
) {
  return {
    porteur: laureate.porteur,
    ministry: laureate.ministry,
    fundingMode: laureate.fundingMode,
    partnerLabs: laureate.partnerLabs,
  };
}

/** The same facts as the audit trail names them. */
function auditFacts(laureate: Parameters<typeof editableFacts>[0]) {
  return {
    porteur: laureate.porteur,
    ministere: laureate.ministry,
    modeFinancement: laureate.fundingMode,
    laboratoiresPartenaires: laureate.partnerLabs,
  };
}

/**
 * Updates a laureate's record if nobody changed it since the user read it:
 * the version in the WHERE clause makes the check and the write one step.
 */
export async function updateLaureate(
  db: Executor,
  actor: Actor,
  input: UpdateLaureateInput,
): Promise<LaureateDetail> {
  const before = await findLaureateBySlug(db, input.laureateSlug);
  if (!before) throw new NotFound("Ce lauréat n'existe pas ou plus.");
  const [updated] = await db
    .update(laureates)
    .set({ ...editableFacts(input), version: sql`${laureates.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(laureates.slug, input.laureateSlug), eq(laureates.version, input.version)))
    .returning({ id: laureates.id });
  if (!updated) {
    staleVersion(
      { version: before.version, ...editableFacts(before) },
      "Cette fiche a été modifiée entre-temps. Les valeurs actuelles sont affichées : vérifiez-les puis réappliquez vos changements.",
    );
  }
  const after = await findLaureateBySlug(db, input.laureateSlug);
  if (!after) throw new Error("Le lauréat modifié est introuvable.");
  await recordAudit(db, actor, {
    action: "laureat.modification",
    entityId: input.laureateSlug,
    laureateId: updated.id,
    before: auditFacts(before),
    after: auditFacts(after),
  });
  return after;
}
