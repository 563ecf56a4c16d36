import {
  MINISTRIES,
  PORTEUR_NOT_GIVEN,
  ROLES,
  SCOPE_KINDS,
  type LaureateListItem,
  type Role,
  type ScopeEntry,
  type ScopeKind,
} from "@defis/domain";

export interface ScopeOption {
  value: string;
  label: string;
}

const collator = new Intl.Collator("fr", { sensitivity: "base" });

export function roleLabel(role: Role): string {
  return ROLES[role];
}

/** "d'Alice", "de Bruno": names open with a vowel often enough for the elision to matter. */
export function ofName(name: string): string {
  return /^[aeiouyàâäéèêëîïôöûü]/i.test(name) ? `d'${name}` : `de ${name}`;
}

/** "Ministère : Ministère de l'Intérieur", "Lauréat : Registre des transports", "Porteur : DEAL de La Réunion". */
export function scopeEntryLabel(entry: ScopeEntry, laureateTitles: ReadonlyMap<string, string>): string {
  const value =
    entry.kind === "ministere"
      ? MINISTRIES[entry.value]
      : entry.kind === "laureat"
        ? (laureateTitles.get(entry.value) ?? entry.value)
        : entry.value;
  // A no-break space keeps the colon on the line of its word, as French typography asks.
  return `${SCOPE_KINDS[entry.kind]}\u00a0: ${value}`;
}

/** The choices offered for one kind of scope entry. */
export function scopeValueOptions(kind: ScopeKind, laureates: readonly LaureateListItem[]): ScopeOption[] {
  switch (kind) {
    case "ministere":
      return Object.entries(MINISTRIES).map(([value, label]) => ({ value, label }));
    case "laureat":
      return laureates
        .map((laureate) => ({ value: laureate.slug, label: laureate.title }))
        .sort((a, b) => collator.compare(a.label, b.label));
    case "porteur":
      // "non précisé" names no body: a scope on it would cover laureates nobody is known to carry.
      return [...new Set(laureates.map((laureate) => laureate.porteur))]
        .filter((porteur) => porteur !== PORTEUR_NOT_GIVEN)
        .sort(collator.compare)
        .map((porteur) => ({ value: porteur, label: porteur }));
  }
}

/** What the empty choice says, and what is asked when it is left empty. */
export const SCOPE_VALUE_PROMPTS: Record<ScopeKind, { placeholder: string; required: string }> = {
  ministere: { placeholder: "Choisir un ministère", required: "Choisissez un ministère." },
  laureat: { placeholder: "Choisir un lauréat", required: "Choisissez un lauréat." },
  porteur: { placeholder: "Choisir un porteur", required: "Choisissez un porteur." },
};
