import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import superjson from "superjson";

/** Where the app under test sends its tRPC calls (jsdom's fetch needs an absolute URL). */
export const TEST_API_BASE_URL = "http://localhost";

type Resolver = (input: unknown) => unknown;

/** A procedure failure as the server's error formatter shapes it. */
export class ProcedureError {
  constructor(
    readonly code: "NOT_FOUND" | "BAD_REQUEST" | "INTERNAL_SERVER_ERROR",
    readonly message: string,
    readonly httpStatus: number,
  ) {}
}

const JSON_RPC_CODES = { NOT_FOUND: -32004, BAD_REQUEST: -32600, INTERNAL_SERVER_ERROR: -32603 } as const;

/**
 * The network boundary of the web app: tRPC batch GETs answered the way the
 * API answers them (superjson envelopes, one entry per batched call).
 */
export const apiServer = setupServer();

export function mockProcedures(resolvers: Record<string, Resolver>): void {
  apiServer.use(
    http.get(`${TEST_API_BASE_URL}/trpc/:paths`, ({ request, params }) => {
      const paths = String(params.paths).split(",");
      const url = new URL(request.url);
      const inputs = JSON.parse(url.searchParams.get("input") ?? "{}") as Record<string, unknown>;
      let status = 200;
      const results = paths.map((path, index) => {
        const resolver = resolvers[path];
        if (!resolver) throw new Error(`Procédure non simulée dans le test : ${path}`);
        const envelope = inputs[String(index)] as Parameters<typeof superjson.deserialize>[0] | undefined;
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
                fieldErrors: null,
              },
            }),
          };
        }
        return { result: { data: superjson.serialize(output) } };
      });
      return HttpResponse.json(url.searchParams.get("batch") === "1" ? results : results[0], { status });
    }),
  );
}
