/** The label of a key from one of the vocabularies, or the key itself when it is not (yet) in it. */
export function labelFrom(labels: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;
}
