import { ASSET_KINDS, saveAssetSchema, type AssetKind } from "@defis/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { useTRPC } from "../../lib/trpc";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { isConflict, TextField, useRefreshReplication } from "./replication-form";
import { useFormErrors } from "../../lib/use-form-errors";
import { VocabularySelect } from "../../components/VocabularySelect";

interface AssetFormProps {
  slug: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Adds a reusable asset: a link to code, a guide, a document or a contract, or a contact person. */
export function AssetForm({ slug, onDone, onCancel }: AssetFormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshReplication();
  const baseId = useId();
  const idOf = (field: string) => `${baseId}-${field}`;
  // The address field carries both messages: a link, or an e-mail for a contact.
  const { errors, check, fromServer } = useFormErrors({
    fields: ["kind", "label", "address"],
    idOf,
    rename: { url: "address", contactEmail: "address" },
  });
  const [kind, setKind] = useState<AssetKind>("code");
  const [label, setLabel] = useState("");
  const [address, setAddress] = useState("");
  const mutation = useMutation(
    trpc.replication.saveAsset.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`Ressource « ${label.trim()} » ajoutée au kit de clôture.`);
      },
      onError: (error) => {
        if (isConflict(error)) void refresh();
        fromServer(error);
      },
    }),
  );
  const isContact = kind === "contact";

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.reset();
    const input = check(
      saveAssetSchema.safeParse({
        laureateSlug: slug,
        assetId: null,
        version: 0,
        kind,
        label,
        url: isContact ? null : address.trim() || null,
        contactEmail: isContact ? address.trim() || null : null,
      }),
    );
    if (input) mutation.mutate(input);
  }

  const headingId = idOf("titre");
  return (
    <Panel headingId={headingId} title="Ajouter une ressource réutilisable">
      {mutation.error && (
        <ActionErrorAlert error={mutation.error} title="La ressource n'a pas été enregistrée" />
      )}
      <form noValidate aria-labelledby={headingId} onSubmit={submit}>
        <VocabularySelect
          id={idOf("kind")}
          label="Type de ressource"
          labels={ASSET_KINDS}
          value={kind}
          error={errors.kind}
          onChange={setKind}
        />
        <TextField
          id={idOf("label")}
          label={isContact ? "Nom ou fonction de la personne" : "Libellé"}
          value={label}
          error={errors.label}
          maxLength={200}
          onChange={setLabel}
        />
        <TextField
          id={idOf("address")}
          label={isContact ? "Adresse électronique" : "Adresse web"}
          hint={
            isContact
              ? "Par exemple : prenom.nom@administration.gouv.fr"
              : "Adresse complète, commençant par https://"
          }
          type={isContact ? "email" : "url"}
          value={address}
          error={errors.address}
          maxLength={500}
          onChange={setAddress}
        />
        <SubmitOrCancel label="Ajouter la ressource" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
