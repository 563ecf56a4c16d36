import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  FUNDING_MODES,
  PAYMENT_CONDITIONS,
  type FundingModeKey,
  updateFundingRecordSchema,
  type FundingRecordItem,
  type PaymentCondition,
} from "@defis/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import { conflictCurrentOf, isStaleVersion, useTRPC } from "../../lib/trpc";
import { fieldState } from "../../lib/form-errors";
import { useFormErrors } from "../../lib/use-form-errors";
import { ActionErrorAlert } from "../../components/ActionErrorAlert";
import { StaleVersionAlert } from "../../components/StaleVersionAlert";
import { Panel, SubmitOrCancel } from "../../components/Panel";
import { FundingFacts } from "./FundingFacts";
import { useIdempotencyKey } from "./use-idempotency-key";
import { usePendingFocus } from "../../lib/use-pending-focus";
import { useRefreshMoney } from "./use-refresh-money";
import { LabelOptions } from "../../components/LabelOptions";
import { VocabularySelect } from "../../components/VocabularySelect";

type Field = "fundingMode" | "conventionDate" | "ejNumber" | "siret" | "rna" | "paymentConditions";
const FIELDS: readonly Field[] = [
  "fundingMode",
  "conventionDate",
  "ejNumber",
  "siret",
  "rna",
  "paymentConditions",
];
type Values = Record<Exclude<Field, "fundingMode">, string> & { fundingMode: FundingModeKey };

function valuesOf(record: FundingRecordItem): Values {
  return {
    fundingMode: record.fundingMode,
    conventionDate: record.conventionDate ?? "",
    ejNumber: record.ejNumber ?? "",
    siret: record.siret ?? "",
    rna: record.rna ?? "",
    paymentConditions: record.paymentConditions ?? "",
  };
}

const currentRecordSchema = updateFundingRecordSchema.pick({
  version: true,
  fundingMode: true,
  conventionDate: true,
  ejNumber: true,
  siret: true,
  rna: true,
  paymentConditions: true,
});

/** On a version conflict, the record as it stands now, if the server sent it readable. */
function currentRecordOf(error: unknown): FundingRecordItem | null {
  const parsed = currentRecordSchema.safeParse(conflictCurrentOf(error));
  return parsed.success ? parsed.data : null;
}

const isPaymentCondition = (value: string): value is PaymentCondition => value in PAYMENT_CONDITIONS;

interface FundingRecordFormProps {
  slug: string;
  record: FundingRecordItem;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * The funding record (convention, EJ, beneficiary's identifiers, payment
 * conditions), saved on the version read: a save on an older one is refused
 * with what the record holds now, for the officer to start again from it.
 */
export function FundingRecordForm({ slug, record, onDone, onCancel }: FundingRecordFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshMoney();
  const baseId = useId();
  const ids: Record<Field | "heading", string> = {
    heading: `${baseId}-titre`,
    fundingMode: `${baseId}-mode`,
    conventionDate: `${baseId}-convention`,
    ejNumber: `${baseId}-ej`,
    siret: `${baseId}-siret`,
    rna: `${baseId}-rna`,
    paymentConditions: `${baseId}-conditions`,
  };
  const focus = usePendingFocus(ids.heading);
  const fieldErrors = useFormErrors({ fields: FIELDS, idOf: (field) => ids[field] });
  const { errors } = fieldErrors;
  const { key } = useIdempotencyKey();
  const [values, setValues] = useState<Values>(() => valuesOf(record));
  const [version, setVersion] = useState(record.version);

  const mutation = useMutation(
    trpc.finance.updateFunding.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone("Les informations de financement ont été enregistrées.");
      },
      onError: (error) => {
        if (isStaleVersion(error))
          void queryClient.invalidateQueries({ queryKey: trpc.finance.forLaureate.queryKey({ slug }) });
        fieldErrors.fromServer(error);
      },
    }),
  );
  const conflict = isStaleVersion(mutation.error);
  const current = conflict ? currentRecordOf(mutation.error) : null;

  function change<Name extends Field>(field: Name, value: Values[Name]) {
    setValues((before) => ({ ...before, [field]: value }));
    fieldErrors.clear(field);
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const orNull = (value: string) => (value.trim() === "" ? null : value);
    const input = fieldErrors.check(
      updateFundingRecordSchema.safeParse({
        laureateSlug: slug,
        version,
        fundingMode: values.fundingMode,
        conventionDate: orNull(values.conventionDate),
        ejNumber: orNull(values.ejNumber),
        siret: orNull(values.siret),
        rna: orNull(values.rna),
        paymentConditions: isPaymentCondition(values.paymentConditions) ? values.paymentConditions : null,
        idempotencyKey: key,
      }),
    );
    if (input === null) mutation.reset();
    else mutation.mutate(input);
  }

  /** After a conflict: the form starts again from the record as it stands now, on its version. */
  function takeCurrent(now: FundingRecordItem) {
    setValues(valuesOf(now));
    setVersion(now.version);
    fieldErrors.clear();
    mutation.reset();
    focus(ids.conventionDate);
  }

  const input = (field: Exclude<Field, "fundingMode">) => ({
    id: ids[field],
    value: values[field],
    autoComplete: "off",
    "aria-invalid": errors[field] ? true : undefined,
    onChange: (event: { target: { value: string } }) => change(field, event.target.value),
  });

  return (
    <Panel headingId={ids.heading} title="Modifier les informations de financement">
      <p className={fr.cx("fr-text--sm")}>
        Le mode de financement décide de ce que les paiements demandent : une subvention, la date de la
        convention et le numéro d'EJ ; un transfert de crédits, la date de la décision et, au paiement, la
        référence du transfert. Tant qu'il n'est pas précisé, aucune tranche ne peut avancer. Les autres
        champs se renseignent à mesure que la convention avance.
      </p>
      {conflict && (
        <StaleVersionAlert
          title="Ces informations ont été modifiées entre-temps"
          error={mutation.error}
          as="h4"
          actionLabel="Reprendre les valeurs actuelles"
          onAction={() => takeCurrent(current ?? record)}
        >
          {current && (
            <>
              <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>Valeurs actuelles :</p>
              <FundingFacts record={current} />
            </>
          )}
        </StaleVersionAlert>
      )}
      {mutation.error && !conflict && (
        <ActionErrorAlert error={mutation.error} title="Les informations n'ont pas été enregistrées" />
      )}
      <form noValidate aria-labelledby={ids.heading} onSubmit={submit}>
        <VocabularySelect
          id={ids.fundingMode}
          label="Mode de financement"
          labels={FUNDING_MODES}
          value={values.fundingMode}
          error={errors.fundingMode}
          onChange={(fundingMode) => change("fundingMode", fundingMode)}
        />
        <Input
          label="Date de signature de la convention"
          {...fieldState(errors.conventionDate)}
          nativeInputProps={{ ...input("conventionDate"), type: "date" }}
        />
        <Input
          label="Numéro d'engagement juridique (EJ) Chorus"
          hintText="10 chiffres, par exemple 2103456789."
          {...fieldState(errors.ejNumber)}
          nativeInputProps={{ ...input("ejNumber"), inputMode: "numeric", maxLength: 10, spellCheck: false }}
        />
        <Input
          label="SIRET du bénéficiaire"
          hintText="14 chiffres, espaces permis."
          {...fieldState(errors.siret)}
          nativeInputProps={{ ...input("siret"), inputMode: "numeric", spellCheck: false }}
        />
        <Input
          label="Numéro RNA (associations)"
          hintText="W suivi de 9 chiffres, par exemple W751234567."
          {...fieldState(errors.rna)}
          nativeInputProps={{ ...input("rna"), spellCheck: false }}
        />
        <Select
          label="Conditions de versement"
          {...fieldState(errors.paymentConditions)}
          nativeSelectProps={{
            id: ids.paymentConditions,
            value: values.paymentConditions,
            onChange: (event) => change("paymentConditions", event.target.value),
          }}
        >
          <option value="">Non renseignées</option>
          <LabelOptions labels={PAYMENT_CONDITIONS} />
        </Select>
        <SubmitOrCancel label="Enregistrer" pending={mutation.isPending} onCancel={onCancel} />
      </form>
    </Panel>
  );
}
