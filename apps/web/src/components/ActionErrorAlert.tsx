import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ErrorText } from "./ErrorText";

/**
 * Why an action failed, next to its form and announced at once (role alert):
 * the server's French refusal (reserve too small, a tranche waiting for its
 * milestone, wrong step), or an unreachable service — then the same button
 * retries (money actions with the same idempotency key, so nothing is paid twice).
 */
export function ActionErrorAlert({
  error,
  title,
  placement = "above",
}: {
  error: unknown;
  title: string;
  /** Above the form it is about, or below the button that failed. */
  placement?: "above" | "below";
}) {
  return (
    <Alert
      severity="error"
      role="alert"
      as="h3"
      className={fr.cx(placement === "above" ? "fr-mb-3w" : "fr-mt-2w")}
      title={title}
      description={<ErrorText error={error} />}
    />
  );
}
