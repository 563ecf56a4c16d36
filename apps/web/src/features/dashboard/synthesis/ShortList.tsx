import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

interface ShortListProps<Item> {
  items: readonly Item[];
  /** How many the first screen lists; the others are one disclosure away. */
  shownOnScreen: number;
  /** The printed note lists every item. */
  printable: boolean;
  keyOf: (item: Item) => string | number;
  render: (item: Item) => ReactNode;
  /** The disclosure's label for the items left out. */
  moreLabel: (rest: number) => string;
}

/** A list of the synthesis: the first few on screen, the rest behind a disclosure, all on paper. */
export function ShortList<Item>({
  items,
  shownOnScreen,
  printable,
  keyOf,
  render,
  moreLabel,
}: ShortListProps<Item>) {
  const shown = printable ? items : items.slice(0, shownOnScreen);
  const rest = items.slice(shown.length);
  const list = (entries: readonly Item[]) => (
    <ul className={`${fr.cx("fr-raw-list")} defis-decision-list`}>
      {entries.map((item) => (
        <li key={keyOf(item)} className="defis-decision-item">
          {render(item)}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      {shown.length > 0 && list(shown)}
      {rest.length > 0 && (
        <details className="defis-disclosure">
          <summary>{moreLabel(rest.length)}</summary>
          {list(rest)}
        </details>
      )}
    </>
  );
}
