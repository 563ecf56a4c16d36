import type { AppRouter } from "@defis/api";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, type TRPCClientErrorLike } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import { AuthRequestError } from "./auth-api";

/** The only tRPC client of the app. */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refused or missing resource will not appear by retrying.
        retry: (failureCount, error) => failureCount < 2 && !isClientError(error),
      },
    },
  });
}

export function createApiClient(baseUrl = "") {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/trpc`,
        transformer: superjson,
        maxItems: 10,
        // The server refuses /trpc calls without it: a cross-site form cannot set it.
        headers: () => ({ "x-trpc-source": "defis-web" }),
      }),
    ],
  });
}

type ApiError = TRPCClientErrorLike<AppRouter>;

function isClientError(error: unknown): boolean {
  const status = (error as ApiError | undefined)?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}

/** A missing resource, or an identifier that cannot name one (a mistyped address). */
export function isUnknownResource(error: unknown): boolean {
  const code = (error as ApiError | undefined)?.data?.code;
  return code === "NOT_FOUND" || code === "BAD_REQUEST";
}

/** The session expired or was revoked: the person must sign in again. */
export function isUnauthorized(error: unknown): boolean {
  return (error as ApiError | undefined)?.data?.code === "UNAUTHORIZED";
}

/** The API code of a failed call ("CONFLICT", "FORBIDDEN"…), if the server answered. */
export function errorCodeOf(error: unknown): string | null {
  return (error as ApiError | undefined)?.data?.code ?? null;
}

/** On a version conflict, what the record holds now (set by the server's error formatter). */
export function conflictCurrentOf(error: unknown): Record<string, unknown> | null {
  return (error as ApiError | undefined)?.data?.current ?? null;
}

/** Saved on an older version: the server sends what the record holds now (other conflicts do not). */
export function isStaleVersion(error: unknown): boolean {
  return errorCodeOf(error) === "CONFLICT" && conflictCurrentOf(error) !== null;
}

/**
 * The message to show a user and, for an internal error only, the reference
 * support needs to trace it: a business refusal reads as plain French.
 */
export function describeError(error: unknown): { message: string; supportReference: string | null } {
  if (error instanceof AuthRequestError) return { message: error.message, supportReference: null };
  const apiError = error as ApiError | undefined;
  if (apiError?.data) {
    return { message: apiError.message, supportReference: apiError.data.supportReference ?? null };
  }
  return {
    message: "Le service ne répond pas. Vérifiez votre connexion puis réessayez.",
    supportReference: null,
  };
}
