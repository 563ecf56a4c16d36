import { Button } from "@codegouvfr/react-dsfr/Button";
import { ASSET_KINDS, type ReusableAssetItem } from "@defis/domain";
import { DataTable } from "../../components/DataTable";
import { DemoBadge } from "../../components/DemoBadge";

function assetLink(asset: ReusableAssetItem) {
  if (asset.kind === "contact")
    return <a href={`mailto:${asset.contactEmail ?? ""}`}>{asset.contactEmail}</a>;
  return (
    <a href={asset.url ?? ""} target="_blank" rel="noreferrer" title={`${asset.label} - nouvelle fenêtre`}>
      {asset.url}
    </a>
  );
}

interface ReusableAssetsTableProps {
  assets: ReusableAssetItem[];
  /** Offered to those who manage the kit: a "Retirer" button on each row. */
  onRemove?: (asset: ReusableAssetItem) => void;
  removing: boolean;
}

/** The closure kit's resources: what another administration needs to take the solution up. */
export function ReusableAssetsTable({ assets, onRemove, removing }: ReusableAssetsTableProps) {
  return (
    <DataTable
      caption="Ressources réutilisables"
      columns={[
        { header: "Ressource" },
        { header: "Type" },
        { header: "Adresse" },
        ...(onRemove ? [{ header: "Action" }] : []),
      ]}
      rows={assets.map((asset) => ({
        key: asset.id,
        cells: [
          <>
            {asset.label}
            {asset.isDemo && <DemoBadge />}
          </>,
          ASSET_KINDS[asset.kind],
          assetLink(asset),
          ...(onRemove
            ? [
                <Button
                  key="retirer"
                  size="small"
                  priority="tertiary"
                  nativeButtonProps={{ "aria-label": `Retirer : ${asset.label}` }}
                  disabled={removing}
                  onClick={() => onRemove(asset)}
                >
                  Retirer
                </Button>,
              ]
            : []),
        ],
      }))}
    />
  );
}
