import { mayActOnLaureate } from "@defis/domain";
import { useSession } from "../../lib/session";

/** Sponsors update the laureates of their scope; officers and administrators all of them. */
export function useCanUpdateProgress(laureate: { slug: string; ministry: string; porteur: string }): boolean {
  return mayActOnLaureate(useSession().user, "updateProgress", laureate);
}
