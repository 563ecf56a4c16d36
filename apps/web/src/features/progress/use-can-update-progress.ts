import { scopeCovers } from "@defis/domain";
import { can } from "@defis/domain/roles";
import { useSession } from "../../lib/session";

/** Sponsors update the laureates of their scope; officers and administrators all of them. */
export function useCanUpdateProgress(laureate: { slug: string; ministry: string; porteur: string }): boolean {
  const user = useSession().user;
  if (!user || !can(user.role, "updateProgress")) return false;
  return user.role !== "sponsor" || scopeCovers(user.scope, laureate);
}
