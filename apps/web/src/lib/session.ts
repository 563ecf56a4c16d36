import type { SessionUser } from "@defis/domain";
import { can, type Permission } from "@defis/domain/roles";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { useNavigate } from "react-router";
import { ROUTES } from "../routes";
import { useAuthApi, type SessionAnswer } from "./auth-api";
import { isUnauthorized } from "./trpc";

/** Every /auth query key starts with "auth": signing in keeps them and drops the rest. */
const AUTH_KEY = "auth";
export const SESSION_QUERY_KEY = [AUTH_KEY, "me"] as const;
const OPTIONS_QUERY_KEY = [AUTH_KEY, "options"] as const;

/** What the session query holds. */
interface SessionState extends SessionAnswer {
  /** The person just signed out (as opposed to a session that expired): nowhere to come back to. */
  signedOut?: boolean;
}

export interface Session {
  /** Null when nobody is signed in (or while the session loads: check isPending). */
  user: SessionUser | null;
  signedOut: boolean;
  /** The database holds demonstration rows: every page says so. */
  demonstration: boolean;
  isPending: boolean;
  /** The session could not be checked (server unreachable): not the same as signed out. */
  error: Error | null;
  refetch: () => void;
}

export function useSession(): Session {
  const api = useAuthApi();
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: (): Promise<SessionState> => api.me(),
  });
  return {
    user: query.data?.user ?? null,
    signedOut: query.data?.signedOut === true,
    demonstration: query.data?.demonstration === true,
    isPending: query.isPending,
    error: query.data === undefined ? query.error : null,
    refetch: () => void query.refetch(),
  };
}

/** What the sign-in page offers: ProConnect, demonstration accounts. Public. */
export function useAuthOptions() {
  const api = useAuthApi();
  return useQuery({ queryKey: OPTIONS_QUERY_KEY, queryFn: () => api.options() });
}

/** Hides what the server would refuse; the server checks again on every call. */
export function useCan(permission: Permission): boolean {
  return can(useSession().user?.role, permission);
}

/** Drops every cached answer but the /auth ones: the next person must not see the last one's data. */
function forgetApiData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== AUTH_KEY });
}

export function useSessionActions() {
  const api = useAuthApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  /** Throws AuthRequestError with the server's message (wrong password, too many attempts…). */
  const signIn = useCallback(
    async (email: string, password: string): Promise<SessionUser> => {
      const user = await api.login({ email, password });
      forgetApiData(queryClient);
      queryClient.setQueryData<SessionState>(SESSION_QUERY_KEY, (previous) => ({
        user,
        demonstration: previous?.demonstration === true,
      }));
      return user;
    },
    [api, queryClient],
  );

  const signOut = useCallback(async (): Promise<void> => {
    const { redirectTo } = await api.logout();
    forgetApiData(queryClient);
    queryClient.setQueryData<SessionState>(SESSION_QUERY_KEY, (previous) => ({
      user: null,
      signedOut: true,
      demonstration: previous?.demonstration === true,
    }));
    // A ProConnect session also ends at ProConnect, which then sends the person back.
    if (redirectTo) window.location.assign(redirectTo);
    else void navigate(ROUTES.signIn, { replace: true });
  }, [api, queryClient, navigate]);

  return { signIn, signOut };
}

/**
 * When the server answers UNAUTHORIZED (the session expired or was revoked),
 * the session is checked again: it turns to null and the route guard sends
 * the person to the sign-in page, with the way back.
 */
export function useSessionExpiryWatch(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const recheck = (error: unknown) => {
      if (isUnauthorized(error)) void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    };
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") recheck(event.action.error);
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") recheck(event.action.error);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient]);
}
