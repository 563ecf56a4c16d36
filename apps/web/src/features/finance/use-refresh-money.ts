import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "../../lib/trpc";

/**
 * After a money action: every figure that may have changed is read again
 * (the laureate's finances, the envelope, the dashboard's key figures, the lists' allocated amounts, the
 * follow-up's freshness and health, the journal, the controls and their count, the SCDL preview). Resolves
 * once they are, so a panel closes on up-to-date figures.
 */
export function useRefreshMoney(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.finance.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.programme.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.laureates.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.progress.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.controls.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.exports.pathKey() }),
    ]);
  }, [queryClient, trpc]);
}
