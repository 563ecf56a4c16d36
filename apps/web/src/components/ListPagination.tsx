import { fr } from "@codegouvfr/react-dsfr";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";

interface ListPaginationProps {
  total: number;
  pageSize: number;
  page: number;
  /** The link of a page, keeping the filters. */
  pageHref: (page: number) => string;
}

/** The pages of a long list; nothing while it fits on one. */
export function ListPagination({ total, pageSize, page, pageHref }: ListPaginationProps) {
  if (total <= pageSize) return null;
  return (
    <Pagination
      className={fr.cx("fr-mt-2w")}
      count={Math.ceil(total / pageSize)}
      defaultPage={page}
      getPageLinkProps={(target) => ({ to: pageHref(target) })}
    />
  );
}
