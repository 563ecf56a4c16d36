import { Badge } from "@codegouvfr/react-dsfr/Badge";

/** Marks, after its name, a row the demonstration scenario wrote. */
export function DemoBadge() {
  return (
    <>
      {" "}
      <Badge small severity="new" as="span">
        Démonstration
      </Badge>
    </>
  );
}
