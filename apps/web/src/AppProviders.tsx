import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { AuthApiContext, createAuthApi } from "./lib/auth-api";
import { useSessionExpiryWatch } from "./lib/session";
import { createApiClient, createQueryClient, TRPCProvider } from "./lib/trpc";

interface AppProvidersProps {
  children: ReactNode;
  /** Tests pass their own, with retries off. */
  queryClient?: QueryClient;
  /** Where /trpc and /auth live; empty in the browser (same origin), absolute in tests. */
  apiBaseUrl?: string;
}

function SessionExpiryWatch() {
  useSessionExpiryWatch();
  return null;
}

export function AppProviders({ children, queryClient, apiBaseUrl }: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [apiClient] = useState(() => createApiClient(apiBaseUrl));
  const [authApi] = useState(() => createAuthApi(apiBaseUrl));
  return (
    <QueryClientProvider client={client}>
      <TRPCProvider trpcClient={apiClient} queryClient={client}>
        <AuthApiContext value={authApi}>
          <SessionExpiryWatch />
          {children}
        </AuthApiContext>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
