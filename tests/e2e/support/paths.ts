import { fileURLToPath } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

export const API_ENTRY = `${repositoryRoot}apps/api/dist/index.js`;
export const WEB_INDEX = `${repositoryRoot}apps/web/dist/index.html`;
