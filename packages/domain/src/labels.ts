/** The label of a key from one of the vocabularies, or the key itself when it is not (yet) in it. */
export function labelFrom(labels: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;
}

/**
 * The keys of a vocabulary, in its order, as the non-empty tuple that zod's and
 * drizzle's enums take: the stored values and the schemas come from one dictionary.
 */
export function keysOf<Key extends string>(labels: Readonly<Record<Key, string>>): [Key, ...Key[]] {
  return Object.keys(labels) as [Key, ...Key[]];
}
