import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "../../lib/trpc";

/**
 * After a change to an indicator or a measure: the Impact tab, the follow-up
 * (its « Mesures attendues », the health, "Mes projets") and the journal are
 * read again.
 */
export function useRefreshImpact(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.impact.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.progress.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
    ]);
  }, [queryClient, trpc]);
}
