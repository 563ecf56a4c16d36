import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ROLES } from "@defis/domain";
import type { DemoAccount } from "../../lib/auth-api";

interface DemoAccountsProps {
  accounts: DemoAccount[];
  /** Null when the instance chose its own demonstration password: the person types it. */
  demoPassword: string | null;
  onChoose: (account: DemoAccount) => void;
  disabled: boolean;
}

/** Demonstration mode only: one account per role, to discover what each role sees. */
export function DemoAccounts({ accounts, demoPassword, onChoose, disabled }: DemoAccountsProps) {
  return (
    <section className={fr.cx("fr-mt-6w")} aria-labelledby="comptes-demo-titre">
      <h2 id="comptes-demo-titre" className={fr.cx("fr-h4")}>
        Comptes de démonstration
      </h2>
      <p className={fr.cx("fr-text--sm")}>
        {demoPassword === null
          ? "Choisissez un compte, puis saisissez le mot de passe de démonstration communiqué par l'équipe."
          : "Choisissez un compte pour vous connecter directement avec le rôle correspondant."}
      </p>
      <ul className={fr.cx("fr-raw-list")}>
        {accounts.map((account) => (
          <li key={account.email} className={fr.cx("fr-mb-2w")}>
            <p className={fr.cx("fr-mb-1v")}>
              <strong>{account.displayName}</strong> — {ROLES[account.role]}
              <br />
              <span className={fr.cx("fr-text--sm")}>{account.email}</span>
            </p>
            <Button priority="secondary" size="small" disabled={disabled} onClick={() => onChoose(account)}>
              Se connecter en tant que {account.displayName}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
