/** The "Modifier la fiche" button of a laureate's "Fiche" tab: links lead to it, and the tab focuses it on arrival. */
export const FACTS_EDIT_BUTTON_ID = "modifier-fiche";
