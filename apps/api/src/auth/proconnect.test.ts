import type { DatabaseHandle } from "@defis/db";
import { schema } from "@defis/db";
import { and, eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, startOidcTestProvider, type OidcTestProvider } from "../testing/oidc-test-provider.js";
import { createTestDatabase, DEMO_EMAILS, signIn, startTestServer } from "../testing/test-app.js";
import { createProConnect } from "./proconnect.js";

/** startTestServer runs in production mode. */
const SESSION_COOKIE = "__Host-defis_session";
const RETURN_PATH = "/laureats/dggn-lab-innovation";

function sessionCookieOf(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .find((header) => header.startsWith(`${SESSION_COOKIE}=`) && !header.startsWith(`${SESSION_COOKIE}=;`));
}

function idTokenClaims(idToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}

describe("sign-in through ProConnect, against a local OpenID provider", () => {
  let database: DatabaseHandle;
  let provider: OidcTestProvider;
  let app: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestServer(database, async (appUrl) => {
      provider = await startOidcTestProvider({ appUrl });
      return {
        proConnect: createProConnect({
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          redirectUri: `${appUrl}/auth/proconnect/callback`,
          postLogoutRedirectUri: `${appUrl}/connexion`,
        }),
      };
    });
  });
  afterAll(async () => {
    await app.close();
    await provider.close();
    await database.close();
  });

  /** The browser asks the app to sign in through ProConnect; the app sends it to the provider. */
  async function startSignIn(): Promise<URL> {
    const response = await fetch(`${app.url}/auth/proconnect/login?retour=${RETURN_PATH}`, {
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    return new URL(response.headers.get("location") ?? "");
  }

  /** The whole way through the provider as `email`, up to the app's callback, which is left unvisited. */
  async function callbackFor(email: string, jar = new CookieJar()): Promise<URL> {
    const callback = await provider.authorize(await startSignIn(), email, jar);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${app.url}/auth/proconnect/callback`);
    return callback;
  }

  function visit(url: URL | string): Promise<Response> {
    return fetch(url, { redirect: "manual" });
  }

  async function userIdOf(email: string): Promise<number> {
    const [user] = await database.db
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(schema.users.email, email));
    if (!user) throw new Error(`Compte de test absent : ${email}`);
    return user.id;
  }

  it("sends PKCE (S256), state and nonce in the authorization request, fresh at every sign-in", async () => {
    const authorization = await startSignIn();
    expect(`${authorization.origin}${authorization.pathname}`).toBe(`${provider.issuer}/auth`);
    const params = authorization.searchParams;
    expect(Object.fromEntries(params)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: `${app.url}/auth/proconnect/callback`,
      response_type: "code",
      code_challenge_method: "S256",
    });
    expect(params.get("scope")?.split(" ")).toEqual(expect.arrayContaining(["openid", "email"]));
    const state = params.get("state") ?? "";
    const nonce = params.get("nonce") ?? "";
    const challenge = params.get("code_challenge") ?? "";
    expect(state).toMatch(/^[\w-]{22,}$/);
    expect(nonce).toMatch(/^[\w-]{22,}$/);
    // base64url of a SHA-256 digest: 43 characters.
    expect(challenge).toMatch(/^[\w-]{43}$/);

    // The verifier kept for the callback is the one the challenge was derived from.
    const [flow] = await database.db.select().from(schema.authFlows).where(eq(schema.authFlows.state, state));
    expect(flow).toMatchObject({ nonce, returnTo: RETURN_PATH });
    expect(
      createHash("sha256")
        .update(flow?.codeVerifier ?? "")
        .digest("base64url"),
    ).toBe(challenge);

    const next = (await startSignIn()).searchParams;
    expect(next.get("state")).not.toBe(state);
    expect(next.get("nonce")).not.toBe(nonce);
    expect(next.get("code_challenge")).not.toBe(challenge);
  });

  it("signs an existing account in, opens a session and returns to the page asked for", async () => {
    const response = await visit(await callbackFor(DEMO_EMAILS.officer));

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(RETURN_PATH);
    const setCookie = sessionCookieOf(response) ?? "";
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);

    const me = await fetch(`${app.url}/auth/me`, { headers: { cookie: setCookie.split(";")[0] ?? "" } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: DEMO_EMAILS.officer, role: "charge_mission" } });

    const events = await database.db
      .select({ after: schema.auditEvents.after, requestId: schema.auditEvents.requestId })
      .from(schema.auditEvents)
      .where(
        and(
          eq(schema.auditEvents.action, "session.connexion"),
          eq(schema.auditEvents.actorUserId, await userIdOf(DEMO_EMAILS.officer)),
        ),
      );
    expect(events).toContainEqual({
      after: { methode: "ProConnect" },
      requestId: expect.any(String) as string,
    });
  });

  it("refuses a person without an account: no self-registration", async () => {
    const response = await visit(await callbackFor("inconnu@example.org"));

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/connexion?erreur=compte-inconnu");
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it("refuses a deactivated account", async () => {
    await database.db
      .update(schema.users)
      .set({ active: false })
      .where(eq(schema.users.email, DEMO_EMAILS.leadership));

    const response = await visit(await callbackFor(DEMO_EMAILS.leadership));

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/connexion?erreur=compte-inconnu");
    expect(sessionCookieOf(response)).toBeUndefined();
    const sessions = await database.db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.userId, await userIdOf(DEMO_EMAILS.leadership)));
    expect(sessions).toEqual([]);
  });

  it("accepts a callback once: a replayed one finds its sign-in flow gone", async () => {
    const callback = await callbackFor(DEMO_EMAILS.officer);
    expect((await visit(callback)).headers.get("location")).toBe(RETURN_PATH);

    const replay = await visit(callback);

    expect(replay.status).toBe(303);
    expect(replay.headers.get("location")).toBe("/connexion?erreur=session-expiree");
    expect(sessionCookieOf(replay)).toBeUndefined();
  });

  it("refuses a forged callback, whether its state is unknown or missing", async () => {
    for (const query of ["code=forged&state=forged", "code=forged"]) {
      const response = await visit(`${app.url}/auth/proconnect/callback?${query}`);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/connexion?erreur=session-expiree");
      expect(sessionCookieOf(response)).toBeUndefined();
    }
  });

  it("refuses a genuine state that comes with a forged code: the provider must vouch for it", async () => {
    const state = (await startSignIn()).searchParams.get("state") ?? "";
    const callback = new URL(`${app.url}/auth/proconnect/callback`);
    callback.search = new URLSearchParams({ code: "forged", state, iss: provider.issuer }).toString();

    const response = await visit(callback);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/connexion?erreur=proconnect-echec");
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it("ends a ProConnect session at the provider too, which then returns to the sign-in page", async () => {
    const providerCookies = new CookieJar();
    const signedIn = await visit(await callbackFor(DEMO_EMAILS.officer, providerCookies));
    const cookie = sessionCookieOf(signedIn)?.split(";")[0] ?? "";

    const logout = await fetch(`${app.url}/auth/logout`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: "{}",
    });

    expect(logout.status).toBe(200);
    expect(logout.headers.getSetCookie()).toContainEqual(
      expect.stringMatching(/^__Host-defis_session=;.*Max-Age=0/),
    );
    const { redirectTo } = (await logout.json()) as { redirectTo: string | null };
    const endSession = new URL(redirectTo ?? "");
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${app.url}/connexion`);
    // The hint is the id_token of this sign-in, kept with the session.
    expect(idTokenClaims(endSession.searchParams.get("id_token_hint") ?? "")).toMatchObject({
      iss: provider.issuer,
      aud: provider.clientId,
    });
    // The provider accepts the hint and the return address, and sends the browser back to the app.
    expect((await provider.endSession(endSession, providerCookies)).href).toBe(`${app.url}/connexion`);

    const me = await fetch(`${app.url}/auth/me`, { headers: { cookie } });
    expect(((await me.json()) as { user: unknown }).user).toBeNull();
  });

  it("keeps the logout of a password session local: no provider to visit", async () => {
    const cookie = await signIn(app.url, DEMO_EMAILS.admin);

    const logout = await fetch(`${app.url}/auth/logout`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: "{}",
    });

    expect(logout.status).toBe(200);
    expect(await logout.json()).toEqual({ redirectTo: null });
  });
});
