import type { Role, ScopeEntry } from "@defis/domain";
import type { Executor } from "../database.js";
import { hashPassword } from "../passwords.js";
import { userScopes, users } from "../schema/index.js";

export const DEFAULT_DEMO_PASSWORD = "defis-demo-2022";

interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  scope: ScopeEntry[];
}

/** One account per role, and two sponsors with ministry scopes. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "admin@defis.example", displayName: "Alex Martin (démo)", role: "administrateur", scope: [] },
  {
    email: "charge.mission@defis.example",
    displayName: "Camille Durand (démo)",
    role: "charge_mission",
    scope: [],
  },
  {
    email: "sponsor.interieur@defis.example",
    displayName: "Dominique Bernard (démo)",
    role: "sponsor",
    scope: [{ kind: "ministere", value: "interieur" }],
  },
  {
    email: "sponsor.sante@defis.example",
    displayName: "Sacha Petit (démo)",
    role: "sponsor",
    scope: [{ kind: "ministere", value: "solidarites-sante" }],
  },
  { email: "direction@defis.example", displayName: "Claude Moreau (démo)", role: "direction", scope: [] },
];

/** Creates the demonstration accounts that are missing; existing ones are left as they are. */
export async function seedDemoAccounts(db: Executor, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  for (const account of DEMO_ACCOUNTS) {
    const [created] = await db
      .insert(users)
      .values({
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        passwordHash,
        isDemo: true,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (created && account.scope.length > 0) {
      await db.insert(userScopes).values(account.scope.map((entry) => ({ userId: created.id, ...entry })));
    }
  }
}
