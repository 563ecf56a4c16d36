import { setLink } from "@codegouvfr/react-dsfr/link";
import { cleanup, configure } from "@testing-library/react";
import { Link } from "react-router";
import { afterAll, afterEach, beforeAll } from "vitest";
import { apiServer } from "./api-server";

// As main.tsx does through startReactDsfr (whose Link parameter is untyped): DSFR links
// (header, pagination, tags) navigate inside the app.
setLink({ Link: Link as unknown as Parameters<typeof setLink>[0]["Link"] });

// A page's first render loads its lazy chunk and DSFR: on a busy machine that takes more
// than testing-library's default second, and a slow machine is not a failure.
configure({ asyncUtilTimeout: 5_000 });

// Every test starts from a clean DOM and a network boundary with no override left.
beforeAll(() => apiServer.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  apiServer.resetHandlers();
});
afterAll(() => apiServer.close());
