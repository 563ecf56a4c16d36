import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { describeError } from "../../lib/trpc";

/**
 * Why a money action failed, next to its form and announced at once
 * (role alert): the server's French refusal (reserve too small, payment above
 * what remains, wrong step), or an unreachable service — then the same
 * button retries with the same idempotency key, so nothing is paid twice.
 */
export function MoneyErrorAlert({ error, title }: { error: unknown; title: string }) {
  const { message, requestId } = describeError(error);
  return (
    <Alert
      severity="error"
      role="alert"
      as="h3"
      className={fr.cx("fr-mb-3w")}
      title={title}
      description={
        <>
          {message}
          {requestId && <> (référence : {requestId})</>}
        </>
      }
    />
  );
}
