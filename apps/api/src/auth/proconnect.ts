import * as oidc from "openid-client";

export interface ProConnectSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where ProConnect sends the user back: <PUBLIC_URL>/auth/proconnect/callback. */
  redirectUri: string;
  /** Where ProConnect sends the user after logging out there. */
  postLogoutRedirectUri: string;
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface ProConnect {
  startAuthorization(): Promise<AuthorizationRequest>;
  /** Exchanges the code of the callback's query; returns the person's email and the id_token. */
  finishAuthorization(
    callbackQuery: URLSearchParams,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ email: string; idToken: string }>;
  /** Where to send the browser to end the session at ProConnect too; null if it cannot be reached. */
  logoutUrl(idToken: string): Promise<string | null>;
}

/** Plain HTTP is accepted only from a provider on this machine: the test provider. */
function isLoopback(url: URL): boolean {
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/**
 * ProConnect, the State's identity federation, through OpenID Connect's
 * authorization code flow with PKCE. Like ProConnect, tokens and user info
 * are signed (RS256). The provider's metadata is discovered on first use and
 * discovered again after a failure, so the app starts even when it is down.
 */
export function createProConnect(settings: ProConnectSettings): ProConnect {
  const issuer = new URL(settings.issuer);
  let configuration: Promise<oidc.Configuration> | null = null;

  function discover(): Promise<oidc.Configuration> {
    configuration ??= oidc
      .discovery(
        issuer,
        settings.clientId,
        {
          client_secret: settings.clientSecret,
          id_token_signed_response_alg: "RS256",
          userinfo_signed_response_alg: "RS256",
        },
        undefined,
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to stand out: loopback test provider only
        { execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        configuration = null;
        throw error;
      });
    return configuration;
  }

  return {
    async startAuthorization() {
      const config = await discover();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: "openid email given_name usual_name",
        response_type: "code",
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
      });
      return { url, state, nonce, codeVerifier };
    },

    async finishAuthorization(callbackQuery, checks) {
      const config = await discover();
      // Rebuilt from the registered address, whatever host or proxy the callback came through.
      const callbackUrl = new URL(settings.redirectUri);
      callbackUrl.search = callbackQuery.toString();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new Error("ProConnect n'a pas renvoyé de jeton d'identité.");
      const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      if (typeof userInfo.email !== "string")
        throw new Error("ProConnect n'a pas transmis d'adresse électronique.");
      return { email: userInfo.email.trim().toLowerCase(), idToken: tokens.id_token };
    },

    async logoutUrl(idToken) {
      try {
        const config = await discover();
        return oidc
          .buildEndSessionUrl(config, {
            id_token_hint: idToken,
            post_logout_redirect_uri: settings.postLogoutRedirectUri,
          })
          .toString();
      } catch {
        // The provider is unreachable: the local session is ended all the same.
        return null;
      }
    },
  };
}
