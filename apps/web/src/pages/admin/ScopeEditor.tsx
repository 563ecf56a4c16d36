import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { SCOPE_KINDS, type LaureateListItem, type ScopeKind } from "@defis/domain";
import { RemoveLineButton } from "../../components/RemoveLineButton";
import { fieldState } from "../../lib/form-errors";
import { SCOPE_VALUE_PROMPTS, scopeValueOptions } from "./account-labels";

/** One line of the scope editor; `key` follows the line when others are removed. */
export interface ScopeDraft {
  key: number;
  kind: ScopeKind;
  value: string;
}

const SCOPE_KIND_KEYS = Object.keys(SCOPE_KINDS) as ScopeKind[];

function isScopeKind(value: string): value is ScopeKind {
  return (SCOPE_KIND_KEYS as string[]).includes(value);
}

/** The ids of the scope editor's parts, under the form's own id. */
export function scopeIdsOf(formId: string) {
  return {
    legend: `${formId}-perimetre-legende`,
    messages: `${formId}-perimetre-messages`,
    add: `${formId}-perimetre-ajouter`,
    kind: (key: number) => `${formId}-perimetre-${key}-type`,
    value: (key: number) => `${formId}-perimetre-${key}-valeur`,
  };
}

interface ScopeEditorProps {
  formId: string;
  scope: readonly ScopeDraft[];
  laureates: LaureateListItem[] | undefined;
  /** The scope's own message under `scope`, each line's under `scope.<key>`. */
  errors: Partial<Record<string, string>>;
  onAdd: () => void;
  onChange: (key: number, change: Partial<Omit<ScopeDraft, "key">>) => void;
  onRemove: (key: number) => void;
}

/** A sponsor's scope: the laureates it acts on, by ministry, laureate or porteur, one line each. */
export function ScopeEditor({
  formId,
  scope,
  laureates,
  errors,
  onAdd,
  onChange,
  onRemove,
}: ScopeEditorProps) {
  const ids = scopeIdsOf(formId);
  return (
    <fieldset
      className={fr.cx("fr-fieldset", errors.scope ? "fr-fieldset--error" : undefined)}
      aria-labelledby={`${ids.legend} ${ids.messages}`}
    >
      <legend id={ids.legend} className={fr.cx("fr-fieldset__legend")}>
        Périmètre du sponsor
        <span className={fr.cx("fr-hint-text")}>
          Le sponsor agit sur les lauréats de chaque élément : tous ceux d'un ministère, un lauréat précis, ou
          tous ceux d'un porteur.
        </span>
      </legend>
      {scope.length === 0 && <p className={fr.cx("fr-fieldset__element")}>Aucun élément pour l'instant.</p>}
      {scope.map((draft, index) => (
        <ScopeLine
          key={draft.key}
          position={index + 1}
          draft={draft}
          laureates={laureates}
          error={errors[`scope.${draft.key}`]}
          kindId={ids.kind(draft.key)}
          valueId={ids.value(draft.key)}
          onChange={(change) => onChange(draft.key, change)}
          onRemove={() => onRemove(draft.key)}
        />
      ))}
      <div className={fr.cx("fr-fieldset__element")}>
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-add-line"
          nativeButtonProps={{ id: ids.add }}
          onClick={onAdd}
        >
          Ajouter un élément au périmètre
        </Button>
      </div>
      <div id={ids.messages} className={fr.cx("fr-messages-group")} aria-live="polite">
        {errors.scope && <p className={fr.cx("fr-message", "fr-message--error")}>{errors.scope}</p>}
      </div>
    </fieldset>
  );
}

interface ScopeLineProps {
  position: number;
  draft: ScopeDraft;
  laureates: LaureateListItem[] | undefined;
  error: string | undefined;
  kindId: string;
  valueId: string;
  onChange: (change: Partial<Omit<ScopeDraft, "key">>) => void;
  onRemove: () => void;
}

function ScopeLine({
  position,
  draft,
  laureates,
  error,
  kindId,
  valueId,
  onChange,
  onRemove,
}: ScopeLineProps) {
  const options = scopeValueOptions(draft.kind, laureates ?? []);
  // A saved entry stays selectable even if the list of laureates is not (yet) there.
  if (draft.value !== "" && !options.some((option) => option.value === draft.value)) {
    options.unshift({ value: draft.value, label: draft.value });
  }
  const needsLaureates = draft.kind !== "ministere" && laureates === undefined;
  return (
    <div className={fr.cx("fr-fieldset__element")}>
      <fieldset className={fr.cx("fr-fieldset")}>
        <legend className={fr.cx("fr-fieldset__legend", "fr-fieldset__legend--regular")}>
          Élément {position}
        </legend>
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}>
          <div className={fr.cx("fr-col-12", "fr-col-md-3")}>
            <Select
              label="Type"
              nativeSelectProps={{
                id: kindId,
                value: draft.kind,
                onChange: (event) => {
                  const kind = event.target.value;
                  if (isScopeKind(kind)) onChange({ kind, value: "" });
                },
              }}
            >
              {SCOPE_KIND_KEYS.map((kind) => (
                <option key={kind} value={kind}>
                  {SCOPE_KINDS[kind]}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-7")}>
            <Select
              label={SCOPE_KINDS[draft.kind]}
              hint={needsLaureates ? "La liste des lauréats n'est pas disponible pour l'instant." : undefined}
              {...fieldState(error)}
              nativeSelectProps={{
                id: valueId,
                value: draft.value,
                "aria-invalid": error ? true : undefined,
                onChange: (event) => onChange({ value: event.target.value }),
              }}
            >
              <option value="" disabled>
                {SCOPE_VALUE_PROMPTS[draft.kind].placeholder}
              </option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
            <RemoveLineButton line={`l'élément ${position}`} onRemove={onRemove} />
          </div>
        </div>
      </fieldset>
    </div>
  );
}
