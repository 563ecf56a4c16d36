import type { Executor } from "@defis/db";
import { schema } from "@defis/db";
import { assignRefusal, NotFound, Refusal, scopeCovers, type AssignSponsorInput } from "@defis/domain";
import { eq } from "drizzle-orm";
import { recordAudit, type Actor } from "../audit/record-audit.js";
import { describeScope } from "./user-commands.js";
import { findUser } from "./user-queries.js";

const { laureates, users, userScopes } = schema;

export interface SponsorAssigned {
  laureateSlug: string;
  sponsorId: number;
  sponsorName: string;
}

/**
 * Gives a laureate to an existing sponsor by adding it to their scope, within
 * the administrator's rules: only an active sponsor has a scope, and an entry
 * names a laureate that exists. The sponsor's row is locked, so that two
 * assignments (or an administrator's edit) of the same account follow each other.
 */
export async function assignSponsor(
  db: Executor,
  actor: Actor,
  input: AssignSponsorInput,
): Promise<SponsorAssigned> {
  const [laureate] = await db
    .select({
      id: laureates.id,
      slug: laureates.slug,
      ministry: laureates.ministry,
      porteur: laureates.porteur,
    })
    .from(laureates)
    .where(eq(laureates.slug, input.laureateSlug));
  if (!laureate) throw new NotFound("Ce lauréat n'existe pas.");
  await db.select({ id: users.id }).from(users).where(eq(users.id, input.sponsorId)).for("update");
  const sponsor = await findUser(db, input.sponsorId);
  const refusal = assignRefusal(sponsor, sponsor ? scopeCovers(sponsor.scope, laureate) : false);
  if (refusal || !sponsor) throw new Refusal(refusal ?? "Ce compte n'est pas un sponsor.");
  await db.insert(userScopes).values({ userId: sponsor.id, kind: "laureat", value: laureate.slug });
  await recordAudit(db, actor, {
    action: "utilisateur.attribution",
    entityId: sponsor.id,
    laureateId: laureate.id,
    before: { perimetre: describeScope(sponsor.scope) },
    after: { perimetre: describeScope([...sponsor.scope, { kind: "laureat", value: laureate.slug }]) },
  });
  return { laureateSlug: laureate.slug, sponsorId: sponsor.id, sponsorName: sponsor.displayName };
}
