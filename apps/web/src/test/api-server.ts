import type { SessionUser } from "@defis/domain";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import superjson from "superjson";
import { scdlPreviewFixture } from "../features/exports/exports-fixtures";
import type { AuthOptions } from "../lib/auth-api";

/** Where the app under test sends its calls (jsdom's fetch needs an absolute URL). */
export const TEST_API_BASE_URL = "http://localhost";

type Resolver = (input: unknown) => unknown;

const JSON_RPC_CODES = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  CONFLICT: -32009,
  INTERNAL_SERVER_ERROR: -32603,
} as const;

/** A procedure failure as the server's error formatter shapes it. */
export class ProcedureError {
  constructor(
    readonly code: keyof typeof JSON_RPC_CODES,
    readonly message: string,
    readonly httpStatus: number,
    /** On CONFLICT: the record as it stands now. */
    readonly current: Record<string, unknown> | null = null,
    /** On BAD_REQUEST: the messages by field, as the server's formatter sends them. */
    readonly fieldErrors: Record<string, string[]> | null = null,
  ) {}
}

type Envelope = Parameters<typeof superjson.deserialize>[0];

/**
 * The network boundary of the web app: tRPC batch calls (queries as GET,
 * mutations as POST) and the /auth REST routes, answered the way the API
 * answers them, with the same refusals (no JSON content type, no tRPC header).
 */
export const apiServer = setupServer();

function answer(
  paths: string[],
  inputs: Record<string, unknown>,
  batch: boolean,
  resolvers: Record<string, Resolver>,
) {
  let status = 200;
  const results = paths.map((path, index) => {
    const resolver = resolvers[path];
    if (!resolver) throw new Error(`Procédure non simulée dans le test : ${path}`);
    const envelope = inputs[String(index)] as Envelope | undefined;
    const output = resolver(envelope ? superjson.deserialize(envelope) : undefined);
    if (output instanceof ProcedureError) {
      status = paths.length > 1 ? 207 : output.httpStatus;
      return {
        error: superjson.serialize({
          message: output.message,
          code: JSON_RPC_CODES[output.code],
          data: {
            code: output.code,
            httpStatus: output.httpStatus,
            path,
            requestId: "req-test",
            // As the server's formatter: a reference for internal errors only.
            supportReference: output.code === "INTERNAL_SERVER_ERROR" ? "req-test" : null,
            fieldErrors: output.fieldErrors,
            current: output.current,
          },
        }),
      };
    }
    return { result: { data: superjson.serialize(output) } };
  });
  return HttpResponse.json(batch ? results : results[0], { status });
}

function refused(status: number, message: string) {
  return HttpResponse.json({ error: { message } }, { status });
}

/**
 * What many pages ask besides their own data, answered unless a test says
 * otherwise: the controls' count in the officers' navigation, and the SCDL
 * preview beside the downloads of the portfolio (the landing page) and the finances.
 */
const SHARED_RESOLVERS: Record<string, Resolver> = {
  "controls.count": () => ({ checkedOn: "2026-12-06", total: 0, counts: [] }),
  "exports.scdlPreview": () => scdlPreviewFixture,
};

export function mockProcedures(ownResolvers: Record<string, Resolver>): void {
  const resolvers = { ...SHARED_RESOLVERS, ...ownResolvers };
  apiServer.use(
    http.get(`${TEST_API_BASE_URL}/trpc/:paths`, ({ request, params }) => {
      if (!request.headers.get("x-trpc-source")) return refused(400, "En-tête x-trpc-source absent.");
      const url = new URL(request.url);
      const inputs = JSON.parse(url.searchParams.get("input") ?? "{}") as Record<string, unknown>;
      return answer(
        String(params.paths).split(","),
        inputs,
        url.searchParams.get("batch") === "1",
        resolvers,
      );
    }),
    http.post(`${TEST_API_BASE_URL}/trpc/:paths`, async ({ request, params }) => {
      if (!request.headers.get("x-trpc-source")) return refused(400, "En-tête x-trpc-source absent.");
      if (!request.headers.get("content-type")?.startsWith("application/json"))
        return refused(415, "Le corps doit être du JSON.");
      const paths = String(params.paths).split(",");
      // Another handler (a test's own mutation mock) may answer what these resolvers do not.
      if (!paths.every((path) => path in resolvers)) return undefined;
      const url = new URL(request.url);
      const inputs = (await request.json()) as Record<string, unknown>;
      return answer(paths, inputs, url.searchParams.get("batch") === "1", resolvers);
    }),
  );
}

export interface AuthMock {
  /** Who /auth/me answers with; a successful login or a logout changes it, as the cookie would. */
  user?: SessionUser | null;
  /** Whether /auth/me says the database holds demonstration rows. */
  demonstration?: boolean;
  options?: Partial<AuthOptions>;
  /** Answers POST /auth/login: a user signs in; anything else is sent as the error response. */
  login?: (credentials: {
    email: string;
    password: string;
  }) => SessionUser | { status: number; body: Record<string, unknown> };
  logoutRedirectTo?: string | null;
}

/** What the app sent to /auth, for the tests to check, and the server's side of the session. */
export interface AuthCalls {
  logins: { email: string; password: string }[];
  logouts: number;
  /** The session ends on the server (expired, revoked): /auth/me answers nobody from now on. */
  expireSession: () => void;
}

export function mockAuth(mock: AuthMock = {}): AuthCalls {
  let user = mock.user ?? null;
  const calls: AuthCalls = {
    logins: [],
    logouts: 0,
    expireSession: () => {
      user = null;
    },
  };
  const options: AuthOptions = { proConnect: false, demoAccounts: [], demoPassword: null, ...mock.options };
  const jsonOnly = (request: Request) => request.headers.get("content-type")?.startsWith("application/json");
  apiServer.use(
    http.get(`${TEST_API_BASE_URL}/auth/me`, () =>
      HttpResponse.json({ user, demonstration: mock.demonstration ?? false }),
    ),
    http.get(`${TEST_API_BASE_URL}/auth/options`, () => HttpResponse.json(options)),
    http.post(`${TEST_API_BASE_URL}/auth/login`, async ({ request }) => {
      if (!jsonOnly(request)) return refused(415, "Le corps doit être du JSON.");
      const credentials = (await request.json()) as { email: string; password: string };
      calls.logins.push(credentials);
      const outcome = mock.login?.(credentials) ?? {
        status: 401,
        body: { error: { message: "Adresse électronique ou mot de passe incorrect." } },
      };
      if ("status" in outcome) return HttpResponse.json(outcome.body, { status: outcome.status });
      user = outcome;
      return HttpResponse.json({ user });
    }),
    http.post(`${TEST_API_BASE_URL}/auth/logout`, ({ request }) => {
      if (!jsonOnly(request)) return refused(415, "Le corps doit être du JSON.");
      calls.logouts += 1;
      user = null;
      return HttpResponse.json({ redirectTo: mock.logoutRedirectTo ?? null });
    }),
  );
  return calls;
}
