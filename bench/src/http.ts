/** What a browser tab of the app sends: the tRPC header, and the session cookie once signed in. */
export interface Client {
  baseUrl: string;
  cookie: string;
}

async function ok(response: Response, what: string): Promise<string> {
  const body = await response.text();
  if (!response.ok) throw new Error(`${what} : HTTP ${response.status} ${body.slice(0, 300)}`);
  return body;
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Client> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  await ok(response, `connexion de ${email}`);
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (!cookie) throw new Error("Aucun cookie de session reçu.");
  return { baseUrl, cookie };
}

/** A tRPC query as httpBatchLink sends one (superjson input), body read to the end. */
export async function trpcQuery(client: Client, path: string, input?: unknown): Promise<string> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await fetch(`${client.baseUrl}/trpc/${path}${query}`, {
    headers: { "x-trpc-source": "bench", cookie: client.cookie },
  });
  return ok(response, path);
}

export async function trpcMutation(client: Client, path: string, input: unknown): Promise<Response> {
  return fetch(`${client.baseUrl}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-trpc-source": "bench", cookie: client.cookie },
    body: JSON.stringify({ json: input }),
  });
}

export async function get(client: Client, path: string): Promise<string> {
  const response = await fetch(`${client.baseUrl}${path}`, { headers: { cookie: client.cookie } });
  return ok(response, path);
}
