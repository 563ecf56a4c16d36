import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import Provider, { type Account } from "oidc-provider";

/**
 * Enough of a browser's cookie jar for one site. Paths and expiry dates are
 * ignored: the provider's cookies (_session, _interaction, _interaction_resume
 * and their signatures) all have names of their own.
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(response: Response): void {
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = setCookie.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const cleared = value === "" || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (cleared) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  headers(): Record<string, string> {
    if (this.#cookies.size === 0) return {};
    return { cookie: [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ") };
  }
}

export interface OidcTestProvider {
  /** http://127.0.0.1:<port>, without a trailing slash, as oidc-provider announces it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Plays the browser at the provider: follows its redirects, fills its sign-in page with `email`,
   * and returns the address it finally sends the browser to (the app's callback), without visiting it.
   */
  authorize(authorizationUrl: URL, email: string, jar?: CookieJar): Promise<URL>;
  /** Plays the browser at the end-session endpoint: confirms the logout, returns where the provider sends it. */
  endSession(endSessionUrl: URL, jar: CookieJar): Promise<URL>;
  close(): Promise<void>;
}

const CLIENT_ID = "defis-test";
const INTERACTION_PATH = /^\/interaction\/[\w-]+$/;
const MAX_HOPS = 10;

/** Like ProConnect, `sub` is an opaque identifier: the app must read the email from the claims. */
function subjectOf(email: string): string {
  return createHash("sha256").update(email).digest("hex").slice(0, 32);
}

function isRedirect(response: Response): boolean {
  return [301, 302, 303, 307, 308].includes(response.status);
}

/** The next hop of a redirect, or an error that shows what the provider said instead. */
async function nextHop(response: Response, from: URL): Promise<URL> {
  const body = await response.text();
  const location = response.headers.get("location");
  if (!isRedirect(response) || !location) {
    throw new Error(
      `Le fournisseur de test a répondu ${response.status} à ${from.pathname} : ${body.slice(0, 500)}`,
    );
  }
  return new URL(location, from);
}

function postForm(url: URL, form: Record<string, string>, jar: CookieJar): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { ...jar.headers(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
}

/**
 * A local OpenID provider configured like ProConnect for one client, the app at
 * `appUrl`: authorization code with PKCE required, id_token and userinfo signed
 * RS256, RP-initiated logout. Its sign-in page takes an email and nothing else;
 * consent is granted at once, as ProConnect asks none. Listens on 127.0.0.1 only.
 */
export async function startOidcTestProvider(options: { appUrl: string }): Promise<OidcTestProvider> {
  // Listening first: the issuer, which the provider must know at construction, includes the port.
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientSecret = randomBytes(24).toString("base64url");
  const emailsBySubject = new Map<string, string>();

  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: [`${options.appUrl}/auth/proconnect/callback`],
        post_logout_redirect_uris: [`${options.appUrl}/connexion`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
        id_token_signed_response_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: "test-rs256", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    // ProConnect's scopes are named after the claims they release.
    claims: { openid: ["sub"], email: ["email"], given_name: ["given_name"], usual_name: ["usual_name"] },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = `<!doctype html><title>Déconnexion</title>${form}`;
          return Promise.resolve();
        },
      },
    },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 3600,
      Interaction: 600,
      Session: 3600,
    },
    interactions: { url: (_ctx, interaction) => Promise.resolve(`/interaction/${interaction.uid}`) },
    findAccount: (_ctx, sub) => {
      const email = emailsBySubject.get(sub);
      const account: Account | undefined = email
        ? {
            accountId: sub,
            claims: () => Promise.resolve({ sub, email, given_name: "Camille", usual_name: "Essai" }),
          }
        : undefined;
      return Promise.resolve(account);
    },
    loadExistingGrant: async (ctx) => {
      const clientId = ctx.oidc.client?.clientId;
      const accountId = ctx.oidc.account?.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(" "));
      await grant.save();
      return grant;
    },
    // JSON instead of the default HTML page, so that a failing test shows the provider's reason.
    renderError: (ctx, out) => {
      ctx.type = "json";
      ctx.body = out;
      return Promise.resolve();
    },
  });

  /** The sign-in page: GET shows a form, POST signs in whoever's email was typed. */
  async function signInPage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const interaction = await provider.interactionDetails(req, res);
    if (interaction.prompt.name !== "login") {
      res
        .writeHead(400, { "content-type": "text/plain; charset=utf-8" })
        .end(`Étape inattendue : ${interaction.prompt.name}`);
      return;
    }
    if (req.method !== "POST") {
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><title>Connexion</title><form method="post"><input name="email" type="email"></form>`,
        );
      return;
    }
    const email = new URLSearchParams(await text(req)).get("email") ?? "";
    const accountId = subjectOf(email);
    emailsBySubject.set(accountId, email);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    );
  }

  const providerListener = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const handled = INTERACTION_PATH.test(path) ? signInPage(req, res) : providerListener(req, res);
    handled.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(error instanceof Error ? error.message : "erreur du fournisseur de test");
    });
  });

  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret,

    async authorize(authorizationUrl, email, jar = new CookieJar()) {
      let url = authorizationUrl;
      for (let hop = 0; hop < MAX_HOPS; hop += 1) {
        if (url.origin !== issuer) return url;
        let response = await fetch(url, { redirect: "manual", headers: jar.headers() });
        jar.store(response);
        if (INTERACTION_PATH.test(url.pathname) && response.status === 200) {
          await response.text();
          response = await postForm(url, { email }, jar);
          jar.store(response);
        }
        url = await nextHop(response, url);
      }
      throw new Error("Trop de redirections chez le fournisseur de test.");
    },

    async endSession(endSessionUrl, jar) {
      const page = await fetch(endSessionUrl, { headers: jar.headers() });
      jar.store(page);
      const html = await page.text();
      const action = /<form[^>]* action="([^"]+)"/.exec(html)?.[1];
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
      if (page.status !== 200 || !action || !xsrf) {
        throw new Error(
          `Déconnexion refusée par le fournisseur de test (${page.status}) : ${html.slice(0, 500)}`,
        );
      }
      const confirmUrl = new URL(action, endSessionUrl);
      const confirmation = await postForm(confirmUrl, { xsrf, logout: "yes" }, jar);
      jar.store(confirmation);
      return nextHop(confirmation, confirmUrl);
    },

    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
