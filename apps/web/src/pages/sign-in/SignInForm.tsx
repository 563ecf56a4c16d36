import { fr } from "@codegouvfr/react-dsfr";
import { PasswordInput } from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { FIELD_IDS, type SignInFieldErrors } from "./use-sign-in";

interface SignInFormProps {
  email: string;
  password: string;
  onEmailChange: (value: string) => void;
  onPasswordChange: (value: string) => void;
  fieldErrors: SignInFieldErrors;
  submitting: boolean;
  onSubmit: () => void;
}

export function SignInForm(props: SignInFormProps) {
  const { fieldErrors } = props;
  return (
    // noValidate: the schema's French messages replace the browser's, which vary by browser and language.
    <form
      noValidate
      aria-labelledby="connexion-formulaire-titre"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h2 id="connexion-formulaire-titre" className={fr.cx("fr-h4")}>
        Avec votre adresse électronique
      </h2>
      <p className={fr.cx("fr-text--sm")}>Tous les champs sont obligatoires.</p>
      <Input
        label="Adresse électronique"
        hintText="Format attendu : prenom.nom@exemple.gouv.fr"
        state={fieldErrors.email ? "error" : "default"}
        stateRelatedMessage={fieldErrors.email}
        nativeInputProps={{
          id: FIELD_IDS.email,
          name: "email",
          type: "email",
          autoComplete: "username",
          spellCheck: false,
          value: props.email,
          "aria-invalid": fieldErrors.email ? true : undefined,
          onChange: (event) => props.onEmailChange(event.target.value),
        }}
      />
      <PasswordInput
        label="Mot de passe"
        messagesHint=""
        messages={fieldErrors.password ? [{ severity: "error", message: fieldErrors.password }] : []}
        nativeInputProps={{
          id: FIELD_IDS.password,
          name: "password",
          autoComplete: "current-password",
          value: props.password,
          "aria-invalid": fieldErrors.password ? true : undefined,
          onChange: (event) => props.onPasswordChange(event.target.value),
        }}
      />
      <Button type="submit" className={fr.cx("fr-mt-3w")} disabled={props.submitting}>
        {props.submitting ? "Connexion en cours…" : "Se connecter"}
      </Button>
    </form>
  );
}
