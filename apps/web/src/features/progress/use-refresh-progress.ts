import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "../../lib/trpc";

/**
 * After a change to a laureate's follow-up: every follow-up query (its page,
 * the portfolio's flags, "Mes projets", "À relancer"), its finances (the
 * tranches show their milestone) and the journal are read again.
 */
export function useRefreshProgress(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.progress.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.finance.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
    ]);
  }, [queryClient, trpc]);
}
