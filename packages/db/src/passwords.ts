import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's minimum for this algorithm: 19 MiB of memory, 2
 * passes, one lane. Raising these makes every stored hash "outdated", and the
 * next successful sign-in rehashes it.
 */
export interface PasswordHashParameters {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const PASSWORD_HASH_PARAMETERS: Readonly<PasswordHashParameters> = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(
  password: string,
  parameters: Readonly<PasswordHashParameters> = PASSWORD_HASH_PARAMETERS,
): Promise<string> {
  // @node-rs/argon2 defaults to argon2id (its Algorithm is a const enum that isolated modules cannot
  // name); the tests check the "$argon2id$" prefix of the stored hashes.
  return hash(password, parameters);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash must read as a wrong password, not as a server error.
    return false;
  }
}

/** True when the stored hash was made with weaker parameters than today's. */
export function isHashOutdated(
  storedHash: string,
  parameters: Readonly<PasswordHashParameters> = PASSWORD_HASH_PARAMETERS,
): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!match) return true;
  const [memory, passes, lanes] = match.slice(1).map(Number) as [number, number, number];
  return memory < parameters.memoryCost || passes < parameters.timeCost || lanes < parameters.parallelism;
}

/**
 * A valid hash of no known password: checking it when the account does not
 * exist makes a wrong email take as long as a wrong password.
 */
let decoyHash: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`leurre-${Math.random().toString(36)}`);
  return decoyHash;
}
