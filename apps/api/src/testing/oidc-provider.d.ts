// oidc-provider ships no type declarations, and @types/oidc-provider lags behind its major versions:
// these describe only the part the test provider (oidc-test-provider.ts) uses.
declare module "oidc-provider" {
  import type { JsonWebKey } from "node:crypto";
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface ClientMetadata {
    client_id: string;
    client_secret: string;
    redirect_uris: string[];
    post_logout_redirect_uris: string[];
    response_types: string[];
    grant_types: string[];
    token_endpoint_auth_method: "client_secret_basic" | "client_secret_post";
    id_token_signed_response_alg: string;
    userinfo_signed_response_alg: string;
  }

  export interface Account {
    accountId: string;
    claims(use: "id_token" | "userinfo", scope: string): Promise<{ sub: string } & Record<string, unknown>>;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    readonly jti: string;
    readonly accountId: string;
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  /** Koa's context, as oidc-provider extends it. */
  export interface KoaContextWithOIDC {
    type: string;
    body: unknown;
    oidc: {
      provider: Provider;
      client?: { clientId: string };
      account?: Account;
      session?: { grantIdFor(clientId: string): string | undefined };
      result?: { consent?: { grantId?: string } };
      requestParamScopes: Set<string>;
    };
  }

  export interface Configuration {
    clients: ClientMetadata[];
    jwks: { keys: JsonWebKey[] };
    cookies: { keys: string[] };
    claims: Record<string, string[]>;
    features: {
      devInteractions: { enabled: boolean };
      jwtUserinfo: { enabled: boolean };
      rpInitiatedLogout: {
        enabled: boolean;
        logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void>;
      };
    };
    pkce: { required(): boolean };
    ttl: Partial<
      Record<"AccessToken" | "AuthorizationCode" | "Grant" | "IdToken" | "Interaction" | "Session", number>
    >;
    interactions: { url(ctx: KoaContextWithOIDC, interaction: { uid: string }): Promise<string> };
    findAccount(ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined>;
    loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined>;
    renderError(ctx: KoaContextWithOIDC, out: Record<string, string>, error: Error): Promise<void>;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[] };
  }

  export interface InteractionResults {
    login?: { accountId: string };
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Grant: typeof Grant;
    /** The node:http request listener. */
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
