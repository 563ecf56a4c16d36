import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ErrorText } from "./ErrorText";

export function LoadingState({ label = "Chargement en cours" }: { label?: string }) {
  return (
    <p role="status" aria-live="polite" className={fr.cx("fr-my-4w")}>
      <span className={fr.cx("fr-icon-refresh-line", "fr-mr-1w")} aria-hidden="true" />
      {label}…
    </p>
  );
}

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorState({
  error,
  title = "Les données n'ont pas pu être chargées",
  onRetry,
}: ErrorStateProps) {
  return (
    <div className={fr.cx("fr-my-4w")}>
      <Alert
        severity="error"
        as="h2"
        title={title}
        description={
          <>
            <ErrorText error={error} />
            {onRetry && (
              <Button priority="secondary" size="small" className={fr.cx("fr-mt-2w")} onClick={onRetry}>
                Réessayer
              </Button>
            )}
          </>
        }
      />
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children: NonNullable<React.ReactNode> }) {
  return (
    <div className={fr.cx("fr-my-4w")}>
      {/* The result count already announces an empty list: no second live region. */}
      <Alert severity="info" as="h2" title={title} description={children} role={undefined} />
    </div>
  );
}
