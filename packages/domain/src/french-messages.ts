import { config, locales } from "zod";

/*
 * zod's own messages, for the checks that carry none of ours (a missing field,
 * a wrong type in a hand-made request), in French like every other message:
 * "Entrée invalide : objet attendu, indéfini reçu".
 */
config(locales.fr());
