import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { createApiClient, createQueryClient, TRPCProvider } from "./lib/trpc";

interface AppProvidersProps {
  children: ReactNode;
  /** Tests pass their own, with retries off. */
  queryClient?: QueryClient;
  apiBaseUrl?: string;
}

export function AppProviders({ children, queryClient, apiBaseUrl }: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [apiClient] = useState(() => createApiClient(apiBaseUrl));
  return (
    <QueryClientProvider client={client}>
      <TRPCProvider trpcClient={apiClient} queryClient={client}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
