import { isDemoEnabled, prepareDatabase } from "../prepare.js";
import { openDatabaseFromEnv } from "./open-from-env.js";

const handle = await openDatabaseFromEnv();
try {
  const result = await prepareDatabase(handle, {
    demo: isDemoEnabled(process.env),
    demoPassword: process.env.DEMO_PASSWORD,
  });
  console.info(
    result.demoSeeded
      ? `Base ${handle.kind} initialisée avec les données de démonstration.`
      : `Données de référence à jour (${handle.kind}); la démonstration ne s'installe que sur une base neuve.`,
  );
} finally {
  await handle.close();
}
