import type { Role, SessionUser } from "@defis/domain";
import { createContext, useContext } from "react";

/**
 * The /auth REST calls. Authentication lives outside tRPC on the server
 * (it sets cookies and redirects), so it has its own small client.
 */
export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
}

export interface AuthOptions {
  proConnect: boolean;
  demoAccounts: DemoAccount[];
  /** Given only while it is the well-known default demonstration password. */
  demoPassword: string | null;
}

/** What /auth/me answers. */
export interface SessionAnswer {
  /** The signed-in person, or null when nobody is. */
  user: SessionUser | null;
  /** The database holds demonstration rows: every page says so. */
  demonstration: boolean;
}

export type FieldErrors = Partial<Record<string, string[]>>;

export const SERVICE_UNREACHABLE = "Le service ne répond pas. Vérifiez votre connexion puis réessayez.";

/** A refused or failed /auth call, with the server's French message. */
export class AuthRequestError extends Error {
  constructor(
    message: string,
    /** 0 when the server could not be reached. */
    readonly status: number,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "AuthRequestError";
  }
}

interface ErrorBody {
  error?: { message?: string; fieldErrors?: FieldErrors };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    // A proxy's HTML error page, or an empty body.
    return null;
  }
}

export function createAuthApi(baseUrl = "") {
  async function request(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/auth${path}`, {
        method: body === undefined ? "GET" : "POST",
        credentials: "same-origin",
        // The server refuses any POST that is not JSON: a cross-site form cannot send one.
        headers:
          body === undefined
            ? { accept: "application/json" }
            : { accept: "application/json", "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new AuthRequestError(SERVICE_UNREACHABLE, 0);
    }
    return { status: response.status, json: await readJson(response) };
  }

  function refusal(status: number, json: unknown): AuthRequestError {
    const error = (json as ErrorBody | null)?.error;
    const fallback = status >= 500 || status === 200 ? SERVICE_UNREACHABLE : "La requête a été refusée.";
    return new AuthRequestError(error?.message ?? fallback, status, error?.fieldErrors ?? {});
  }

  /** A 200 without the expected body: a proxy or the SPA fallback answered instead of the API. */
  function userOf(json: unknown): SessionUser {
    const user = (json as { user?: SessionUser } | null)?.user;
    if (!user) throw new AuthRequestError(SERVICE_UNREACHABLE, 502);
    return user;
  }

  return {
    async me(): Promise<SessionAnswer> {
      const { status, json } = await request("/me");
      if (status !== 200) throw refusal(status, json);
      // A 200 without a "user" key: a proxy or the SPA fallback answered instead of the API.
      if (json === null || typeof json !== "object" || !("user" in json)) throw refusal(502, null);
      const answer = json as { user: SessionUser | null; demonstration?: unknown };
      return { user: answer.user, demonstration: answer.demonstration === true };
    },

    async options(): Promise<AuthOptions> {
      const { status, json } = await request("/options");
      if (status !== 200 || json === null) throw refusal(status, json);
      return json as AuthOptions;
    },

    async login(credentials: { email: string; password: string }): Promise<SessionUser> {
      const { status, json } = await request("/login", credentials);
      if (status !== 200) throw refusal(status, json);
      return userOf(json);
    },

    /** `redirectTo`: ProConnect's own sign-out page, when the session came from there. */
    async logout(): Promise<{ redirectTo: string | null }> {
      const { status, json } = await request("/logout", {});
      if (status !== 200 || json === null) throw refusal(status, json);
      return json as { redirectTo: string | null };
    },
  };
}

export type AuthApi = ReturnType<typeof createAuthApi>;

export const AuthApiContext = createContext<AuthApi>(createAuthApi());

export function useAuthApi(): AuthApi {
  return useContext(AuthApiContext);
}
