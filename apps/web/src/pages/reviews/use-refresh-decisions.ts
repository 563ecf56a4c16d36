import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "../../lib/trpc";

/** After a decision is recorded or noted: the reviews' decisions and the journal are read again. */
export function useRefreshDecisions(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    // Not the review itself: its frozen figures do not change.
    await Promise.all(
      [
        trpc.reviews.decisions.pathKey(),
        trpc.reviews.decisionsDue.pathKey(),
        trpc.reviews.laureateDecisions.pathKey(),
        trpc.audit.pathKey(),
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  }, [queryClient, trpc]);
}
