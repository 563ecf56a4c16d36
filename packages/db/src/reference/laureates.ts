import { PORTEUR_NOT_GIVEN } from "@defis/domain";
import type { LaureateReference } from "@defis/domain";

/**
 * The 27 laureates of the announcement of 17 February 2022
 * (shared/seeds/000_25d152fb91d469c2.txt), in its order: 8 "organisations",
 * 5 "numerique", 14 "parcours-usagers".
 *
 * - `porteur` is copied verbatim from the text ("Porteur du projet : …"), or
 *   PORTEUR_NOT_GIVEN when the text names none.
 * - `ministry` is only one the text names for that porteur.
 * - `title`, `summary` and the benefits are written in our own words and add
 *   nothing to the text. The text gives no amount, milestone or date per laureate.
 */
export const LAUREATES: readonly LaureateReference[] = [
  // ── Transformation des organisations et innovation managériale (8) ──────────
  {
    slug: "sgmi-intrapreneuriat",
    title: "Dispositif d'intrapreneuriat du ministère de l'Intérieur",
    porteur: "Secrétariat général du ministère de l’Intérieur",
    ministry: "interieur",
    category: "organisations",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "Le secrétariat général du ministère de l'Intérieur veut bâtir un dispositif d'intrapreneuriat pour " +
      "incuber et tester les idées innovantes de ses agents. Les intrapreneurs seront soutenus par leurs pairs " +
      "ainsi que par les sponsors et mentors du club ministériel de l'innovation.",
    benefitsForAgents: [
      "Appui aux initiatives locales menées en lien direct avec les usagers",
      "Agents de terrain, proches des usagers, engagés dans une dynamique de participation",
    ],
    benefitsForUsagers: ["Initiatives locales soutenues en lien direct avec les usagers"],
    fundingMode: "transfert",
  },
  {
    slug: "dggn-lab-innovation",
    title: "Laboratoire d'innovation de la gendarmerie nationale",
    porteur: "Direction générale de la Gendarmerie nationale (DGGN) du ministère de l’Intérieur (MI)",
    ministry: "interieur",
    category: "organisations",
    territory: { scope: "national" },
    partnerLabs: ["Lab MI"],
    summary:
      "La DGGN crée un laboratoire d'innovation interne pour développer à l'échelle nationale le travail " +
      "collaboratif (idéation, design thinking) et stimuler la créativité et la cohésion des équipes. Un réseau " +
      "de référents en intelligence collective sera constitué, en complément du Lab MI du ministère.",
    benefitsForAgents: [
      "Approche transversale pour gagner en qualité et en efficacité",
      "Créativité libérée et esprit de cohésion renforcé",
    ],
    benefitsForUsagers: ["Solutions co-construites et adaptées, pour une meilleure qualité du service rendu"],
    fundingMode: "transfert",
  },
  {
    slug: "ds-reseau-acteurs-sport",
    title: "Mise en réseau des acteurs publics du sport",
    porteur:
      "Direction des Sports du ministère de l’Education nationale, de la Jeunesse et des Sports (MENJS)",
    ministry: "education-sports",
    category: "organisations",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "La direction des sports veut mieux relier et coordonner les acteurs publics du sport (CREPS, INSEP, " +
      "DRAJES, fédérations) par une réflexion co-construite avec ces réseaux. Ils doivent pouvoir agir ensemble " +
      "sur tout le territoire et être repérés par l'usager, par exemple pour bénéficier de l'aide Pass'Sport.",
    benefitsForAgents: [
      "Collaborations facilitées pour déployer les politiques publiques sur le terrain, grâce au repérage des partenaires",
      "Missions et actions des différents acteurs plus lisibles",
    ],
    benefitsForUsagers: [
      "Missions et actions des différents acteurs plus lisibles",
      "Aide pour repérer les mesures et les aides nationales en matière de sport auxquelles l'usager a droit",
    ],
    fundingMode: "transfert",
  },
  {
    slug: "bretagne-labo-transitions-lorient",
    title: "Laboratoire des Transitions emploi-formation du Pays de Lorient",
    porteur: "Préfecture de Bretagne, Région Bretagne et Laboratoire d’innovation territorial Ti Lab",
    ministry: "non-precise",
    category: "organisations",
    territory: { scope: "local", regionCode: "53", departementCode: "56", place: "Pays de Lorient" },
    partnerLabs: ["Ti Lab"],
    summary:
      "Avec le Ti Lab, la préfecture et la Région Bretagne montent un « Laboratoire des Transitions » avec les " +
      "partenaires du Pays de Lorient, consacré à l'emploi et à la formation, notamment dans les métiers en " +
      "tension du maritime et de l'alimentaire. Les agents de terrain pourront y créer leur propre laboratoire " +
      "pour expérimenter des solutions adaptées au territoire.",
    benefitsForAgents: [
      "Dimension opérationnelle, prospective et innovante donnée au travail des agents de terrain",
      "Démarche documentée ouvertement pour pouvoir être reproduite sur d'autres territoires",
    ],
    benefitsForUsagers: [
      "Prise en compte de l'environnement, de l'évolution des métiers et des problématiques locales des habitants",
      "Meilleure adéquation entre formation et emploi à l'échelle des bassins d'emploi",
      "Moins de chômage et moins de postes sans candidats dans les secteurs en tension",
    ],
    fundingMode: "transfert",
  },
  {
    slug: "ddt77-projet-service-climat",
    title: "Projet de service de la DDT de Seine-et-Marne autour des enjeux climatiques",
    porteur:
      "direction départementale des territoires (DDT) de Seine-et-Marne (ministère de la Transition écologique (MTE))",
    ministry: "transition-ecologique",
    category: "organisations",
    territory: { scope: "local", regionCode: "11", departementCode: "77", place: "Seine-et-Marne" },
    partnerLabs: [],
    summary:
      "La DDT de Seine-et-Marne veut élaborer, par une démarche fédératrice, un nouveau projet de service bâti " +
      "autour des enjeux climatiques. Sa raison d'être sera définie par un plan d'action guidé par l'écologie, " +
      "construit avec les agents, les usagers et les partenaires du territoire.",
    benefitsForAgents: [],
    benefitsForUsagers: [],
    fundingMode: "transfert",
  },
  {
    slug: "mi-participation-citoyenne",
    title: "Stratégie de participation citoyenne du ministère de l'Intérieur",
    porteur: "Ministère de l’Intérieur",
    ministry: "interieur",
    category: "organisations",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "Le ministère de l'Intérieur veut se doter d'une stratégie et d'un plan d'actions pour associer plus " +
      "systématiquement les citoyens à la conception, à la mise en œuvre et au suivi de ses politiques. Il " +
      "s'agit de repérer les sujets qui s'y prêtent puis de conduire des démarches participatives dans ses " +
      "domaines de compétence.",
    benefitsForAgents: [
      "Participation des citoyens intégrée au cœur des projets d'amélioration des services",
    ],
    benefitsForUsagers: [
      "Participation des citoyens intégrée au cœur des projets d'amélioration des services qui leur sont destinés",
      "Usagers participants associés dès la phase de conception",
      "Engagement de transparence sur la prise en compte de leurs avis",
    ],
    fundingMode: "transfert",
  },
  {
    slug: "deal-reunion-registre-transports",
    title: "Modernisation du Registre des transports de La Réunion",
    porteur:
      "Direction de l'environnement, de l'aménagement et du logement de La Réunion du ministère de la Transition Écologique (MTE)",
    ministry: "transition-ecologique",
    category: "organisations",
    territory: { scope: "local", regionCode: "04", departementCode: "974", place: "La Réunion" },
    partnerLabs: [],
    summary:
      "La DEAL de La Réunion engage une démarche qualité co-construite avec ses agents et la filière du " +
      "transport public routier pour mieux structurer la gestion du Registre des transports. Fondée sur " +
      "l'intelligence collective et un management participatif associant agents, parties prenantes et " +
      "entreprises, elle vise aussi la dématérialisation du registre.",
    benefitsForAgents: [
      "Service du Registre des transports mieux organisé",
      "Processus de gestion plus fluide et mieux formalisé",
    ],
    benefitsForUsagers: [
      "Démarches du registre progressivement dématérialisées",
      "Procédures rénovées mieux acceptées",
    ],
    fundingMode: "transfert",
  },
  {
    slug: "smicval-zero-dechet",
    title: "Démarche collective de réduction des déchets du SMICVAL",
    porteur:
      "SMICVAL, syndicat mixte de collecte et de traitement des déchets du Libournais et de la Haute-Gironde en partenariat avec le laboratoire d’innovation La Base et le Conseil départemental de la Gironde",
    ministry: "aucun",
    category: "organisations",
    territory: {
      scope: "local",
      regionCode: "75",
      departementCode: "33",
      place: "Libournais et Haute-Gironde",
    },
    partnerLabs: ["La Base", "Conseil départemental de la Gironde"],
    summary:
      "Le SMICVAL veut mener sur tout son territoire une démarche collective de réduction des déchets, dans une " +
      "logique Zero Waste et, plus largement, de sobriété. Elle passe par l'accompagnement des changements de " +
      "comportement, l'association des citoyens à la politique publique, une transformation managériale et la " +
      "refonte des services en ligne.",
    benefitsForAgents: [],
    benefitsForUsagers: [],
    fundingMode: "subvention",
  },

  // ── Solutions de transformation entièrement numériques (5) ──────────────────
  {
    slug: "dge-meubles-tourisme-donnees",
    title: "Données des meublés de tourisme partagées avec les communes",
    porteur:
      "direction générale des entreprises (DGE) du ministère de l’Economie, des Finances et de la Relance (MEFR)",
    ministry: "economie-finances",
    category: "numerique",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "La DGE expérimente un outil numérique pour les communes qui facilite la transmission des données des " +
      "intermédiaires de location de meublés de tourisme, notamment pour contrôler le plafond de 120 jours des " +
      "résidences principales, et qui agrège et enrichit les déclarations obligatoires du code du tourisme. Les " +
      "scénarios d'industrialisation seront co-construits avec les parties prenantes.",
    benefitsForAgents: [
      "Échanges entre communes et intermédiaires de location harmonisés et simplifiés",
      "Échanges automatisés pour disposer plus vite de l'information",
      "Correction et rapprochement des données mutualisés pour les communes",
    ],
    benefitsForUsagers: ["Échanges simplifiés et harmonisés entre intermédiaires de location et communes"],
    fundingMode: "transfert",
  },
  {
    slug: "apilos-conventions-apl",
    title: "APiLos : déploiement national des conventions APL automatisées",
    porteur: "Lab La Fabrique Numérique du ministère de la Transition écologique et solidaire",
    ministry: "transition-ecologique",
    category: "numerique",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "La startup d'État APiLos a conçu un portail qui pré-remplit et automatise les conventions APL pour les " +
      "bailleurs sociaux et leurs instructeurs ; le projet prépare son déploiement sur tout le territoire. " +
      "L'outil est issu d'entretiens et d'ateliers menés avec 11 bailleurs de 4 départements et 11 services " +
      "instructeurs de l'État.",
    benefitsForAgents: [
      "Instruction des demandes plus rapide",
      "Moins d'erreurs au dépôt, donc moins de retards d'instruction",
      "Procédures dématérialisées",
    ],
    benefitsForUsagers: [
      "Bailleurs sociaux plus satisfaits",
      "Délais d'instruction raccourcis",
      "Procédures dématérialisées",
    ],
    fundingMode: "transfert",
  },
  {
    slug: "sdis54-portail-cartographique",
    title: "Portail cartographique partagé du SDIS de Meurthe-et-Moselle",
    porteur:
      "Service Départemental d'incendies et de Secours de Meurthe-et-Moselle (SDIS 54), ministère de l’Intérieur.",
    ministry: "interieur",
    category: "numerique",
    territory: { scope: "local", regionCode: "44", departementCode: "54", place: "Meurthe-et-Moselle" },
    partnerLabs: ["Data Grand Est"],
    summary:
      "Le SDIS 54 veut créer un portail web cartographique réunissant ses données géographiques et celles de " +
      "ses partenaires du territoire. Le cahier des charges partira des besoins des services et des partenaires " +
      "et des retours d'autres structures, avec l'appui d'un laboratoire d'innovation local et de la plateforme " +
      "Data Grand Est.",
    benefitsForAgents: [
      "Échanges d'informations facilités en interne et avec les autres acteurs publics du département",
      "Cartes mises à jour et diffusées plus souvent",
      "Procédures plus efficaces, comme l'examen des permis de construire",
    ],
    benefitsForUsagers: ["Examen des permis de construire plus efficace"],
    fundingMode: "subvention",
  },
  {
    slug: "ens-donnees-enquetes-ethnographiques",
    title: "Outil de partage des données d'enquêtes ethnographiques",
    porteur: "Ecole normale supérieure (ministère de l’Enseignement supérieur et de la Recherche (MESRI))",
    ministry: "enseignement-superieur",
    category: "numerique",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "L'École normale supérieure développe un logiciel qui aide à traiter les données d'enquêtes " +
      "ethnographiques en séparant les données personnelles de celles qui peuvent être rendues publiques et " +
      "partagées avec d'autres chercheurs. Ce tri se décide avec les enquêteurs et les personnes enquêtées, " +
      "agents et usagers des services publics.",
    benefitsForAgents: [
      "Vision commune de l'utilisation des données",
      "Informations mutualisées ou cloisonnées selon les besoins",
      "Usage opérationnel des connaissances scientifiques",
      "Outil pouvant être mutualisé sur d'autres périmètres",
    ],
    benefitsForUsagers: ["Vision commune de l'utilisation des données"],
    fundingMode: "subvention",
  },
  {
    slug: "sre-outil-retraite-agents",
    title: "Outil interactif pour les démarches de retraite des agents de l'État",
    porteur:
      "Service des retraites de l’Etat (SRE) du ministère de l’Economie, des Finances et de la Relance (MEFR)",
    ministry: "economie-finances",
    category: "numerique",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "Le SRE veut créer un outil numérique interactif pour accompagner et orienter tous les agents de la " +
      "fonction publique de l'État dans leurs démarches de retraite. Il sera entièrement co-construit avec les " +
      "équipes projet et des agents volontaires du SRE, en s'appuyant sur le comité usager existant.",
    benefitsForAgents: [],
    benefitsForUsagers: [
      "Information personnalisée pour l'assuré",
      "Orientation vers le bon interlocuteur, avec qui il pourra échanger",
    ],
    fundingMode: "transfert",
  },

  // ── Amélioration du parcours usagers / qualité du service rendu (14) ─────────
  {
    slug: "prefecture-tarn-jeunes-insertion",
    title: "Communication co-conçue avec les jeunes du Tarn pour l'entrée dans l'emploi",
    porteur: "Préfecture du Tarn avec le laboratoire d’innovation LabO d’Occitanie",
    ministry: "non-precise",
    category: "parcours-usagers",
    territory: { scope: "local", regionCode: "76", departementCode: "81", place: "Tarn" },
    partnerLabs: ["LabO d’Occitanie"],
    summary:
      "La préfecture du Tarn veut mobiliser les jeunes lors de leur entrée dans la vie active. Malgré la " +
      "communication déjà menée sur les dispositifs existants, elle veut concevoir avec eux, par une approche " +
      "design, un dispositif de communication adapté à leurs usages et pratiques.",
    benefitsForAgents: [
      "Mieux comprendre comment les jeunes perçoivent les plans #1jeune1solution et #10 000 jeunes",
      "Mieux connaître leur façon de chercher l'information et les freins de leur insertion professionnelle",
    ],
    benefitsForUsagers: [],
    fundingMode: "transfert",
  },
  {
    slug: "dma-acceslibre",
    title: "Acceslibre : données publiques sur l'accessibilité des lieux",
    porteur: "Délégation ministérielle à l'Accessibilité (DMA) du ministère de la Transition écologique",
    ministry: "transition-ecologique",
    category: "parcours-usagers",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "La délégation ministérielle à l'accessibilité veut développer et pérenniser la plateforme publique qui " +
      "recueille et affiche les informations d'accessibilité jugées essentielles par les personnes handicapées. " +
      "Elle couvre les lieux ouverts au public, environ 1,8 million en France, pour que les usagers sachent si " +
      "un lieu du quotidien (boulangerie, pharmacie…) leur est accessible.",
    benefitsForAgents: [
      "Meilleure vision, pour les acteurs publics, de l'accessibilité réelle de leur territoire",
      "Plateforme collaborative en open data à laquelle les administrations peuvent contribuer",
    ],
    benefitsForUsagers: [
      "Informations fiables en ligne sur l'accessibilité des lieux, pour les personnes en situation de handicap",
      "Plateforme collaborative en open data ouverte aux contributions de chacun",
      "Prestations offertes au public mieux valorisées par les gestionnaires d'établissement",
    ],
    fundingMode: "transfert",
  },
  {
    slug: "chu-toulouse-parkinson",
    title: "Outil de dialogue pour accompagner les patients atteints de Parkinson",
    porteur: "CHU de Toulouse (ministère des Solidarités et de la Santé (MSS))",
    ministry: "solidarites-sante",
    category: "parcours-usagers",
    territory: { scope: "local", regionCode: "76", departementCode: "31", place: "Toulouse" },
    partnerLabs: [],
    summary:
      "Le CHU de Toulouse veut créer un outil de dialogue qui aide patients atteints de la maladie de " +
      "Parkinson, aidants et neurologues à s'informer selon chaque situation, et qui amorce une nouvelle " +
      "réflexion sur la stratégie d'annonce. Il sera conçu avec des neurologues et des professionnels " +
      "paramédicaux.",
    benefitsForAgents: [
      "Un support pour que le médecin transmette les informations clés de façon adaptée au patient",
    ],
    benefitsForUsagers: ["Apprentissage facilité pour que le patient vive au mieux avec sa maladie"],
    fundingMode: "subvention",
  },
  {
    slug: "ddets-calvados-orientation-sociale",
    title: "Outil d'orientation des travailleurs sociaux du Calvados",
    porteur:
      "Direction de l’Emploi, du Travail et des Solidarités (DDETS) du Calvados (ministère des Solidarités et de la Santé (MSS))",
    ministry: "solidarites-sante",
    category: "parcours-usagers",
    territory: { scope: "local", regionCode: "28", departementCode: "14", place: "Calvados" },
    partnerLabs: [],
    summary:
      "La DDETS du Calvados veut donner aux travailleurs sociaux un outil d'orientation, utilisable sur le " +
      "terrain, pour s'y retrouver parmi les dispositifs destinés aux personnes vulnérables (hébergement, " +
      "logement, aide alimentaire, insertion par l'emploi). Il sera conçu par immersion, entretiens et tests " +
      "avec des travailleurs sociaux et les partenaires concernés.",
    benefitsForAgents: [
      "Moins de dossiers mal orientés",
      "Moins de temps passé à instruire des dossiers infructueux",
      "Dispositifs mieux mobilisés par les travailleurs sociaux",
    ],
    benefitsForUsagers: [
      "Accès simplifié à l'hébergement, au logement, à l'aide alimentaire et à l'insertion par l'emploi",
      "Orientations centrées sur les dispositifs adaptés au profil de chacun",
    ],
    fundingMode: "transfert",
  },
  {
    slug: "chms-ehpad-aix-les-bains",
    title: "EHPAD co-conçu avec ses habitants au CH Métropole Savoie",
    porteur: "Centre Hospitalier Métropole Savoie (ARS AURA, Ministère des Solidarités et de la Santé (MSS))",
    ministry: "solidarites-sante",
    category: "parcours-usagers",
    territory: { scope: "local", regionCode: "84", departementCode: "73", place: "Aix-les-Bains" },
    partnerLabs: [],
    summary:
      "Le Centre hospitalier Métropole Savoie reconstruit ses structures pour personnes âgées (EHPAD) du site " +
      "d'Aix-les-Bains en associant dès la conception résidents, familles, aidants, professionnels, citoyens et " +
      "partenaires locaux. Le but est un lieu ouvert sur son environnement, centré sur le bien-être, le pouvoir " +
      "d'agir et la qualité de vie des résidents comme des professionnels.",
    benefitsForAgents: [
      "Structure pensée pour faciliter l'exercice professionnel et la qualité de vie au travail",
      "Reconnaissance du travail des professionnels auprès des personnes âgées",
    ],
    benefitsForUsagers: [
      "Prise en charge, accueil et conditions de vie nettement améliorés pour les résidents",
      "Cadre plus rassurant et accueillant, favorisant l'autonomie, l'intimité et le repos",
      "Sentiment de rupture après le départ du domicile atténué autant que possible",
      "Lieu de vie ouvert et animé, en lien avec la société civile",
    ],
    fundingMode: "subvention",
  },
  {
    slug: "thiers-design-espaces-scolaires",
    title: "Design des espaces d'un groupe scolaire rénové à Thiers",
    porteur:
      "Ville de Thiers / ministère de l’Education nationale, de la Jeunesse et des Sports (MENJS) accompagnés par le Lab’@rchipel, laboratoire d’innovation publique en région AURA",
    ministry: "education-sports",
    category: "parcours-usagers",
    territory: { scope: "local", regionCode: "84", departementCode: "63", place: "Thiers" },
    partnerLabs: ["Lab’@rchipel"],
    summary:
      "La ville de Thiers rénove entièrement un groupe scolaire en quartier prioritaire et expérimente, avec " +
      "les équipes éducatives, le design des espaces scolaires et son effet sur les façons de travailler. " +
      "L'expertise des usagers est intégrée, et enseignants et techniciens apprennent à mieux connaître le " +
      "travail les uns des autres.",
    benefitsForAgents: [
      "Qualité du service rendu améliorée durablement, au service de la cohésion sociale",
      "Contribution à la réflexion nationale sur le rôle de l'Éducation nationale dans les rénovations communales",
    ],
    benefitsForUsagers: ["Qualité du service rendu améliorée durablement, au service de la cohésion sociale"],
    fundingMode: "subvention",
  },
  {
    slug: "collectif-rivage-ou-atterrir",
    title: "« Où atterrir ? » : enquêtes citoyennes sur l'habitabilité du territoire",
    porteur:
      "le Collectif Rivage (avec le soutien de LaBase, la DREAL, la Préfecture de Région, le Ministère de la Transition écologique)",
    ministry: "aucun",
    category: "parcours-usagers",
    territory: { scope: "local", regionCode: "75", departementCode: "33", place: "Bordeaux" },
    partnerLabs: ["LaBase", "DREAL", "Préfecture de Région", "Ministère de la Transition écologique"],
    summary:
      "« Où atterrir ? » est une expérimentation artistique, scientifique et politique qui cherche de nouvelles " +
      "façons d'agir pour garder le territoire habitable face au nouveau régime climatique. Des citoyens-experts " +
      "y mènent des enquêtes avec des agents, élus, scientifiques et artistes, avec Bruno Latour, notamment " +
      "avec la ville de Bordeaux.",
    benefitsForAgents: [
      "Nouvelles formes d'écoute et d'échange avec les citoyens",
      "Solidarités et coopération renforcées sur les territoires concernés",
    ],
    benefitsForUsagers: [
      "Nouvelles formes d'écoute et d'échange avec les agents",
      "Solidarités et coopération renforcées pour maintenir l'habitabilité du territoire",
    ],
    fundingMode: "subvention",
  },
  {
    slug: "ddfip41-visio-mairies",
    title: "Visioconférence avec les Finances publiques dans les mairies du Loir-et-Cher",
    porteur:
      "Direction générale des Finances publiques (DGFiP) du ministère de l’Economie, des Finances et de la Relance (MEFR)",
    ministry: "economie-finances",
    category: "parcours-usagers",
    territory: { scope: "local", regionCode: "24", departementCode: "41", place: "Loir-et-Cher" },
    partnerLabs: [],
    summary:
      "La DDFiP de Loir-et-Cher installe la visioconférence dans les mairies volontaires pour que l'usager " +
      "puisse échanger avec l'agent qui suit son dossier. Associant communautés de communes, France services et " +
      "agents de la DDFiP, le dispositif s'inscrit dans le Nouveau Réseau de Proximité de la DGFiP.",
    benefitsForAgents: [
      "Service plus adapté et personnalisé, aussi au bénéfice des agents des Finances publiques",
    ],
    benefitsForUsagers: [
      "Fracture numérique réduite pour les personnes fragiles ou éloignées du numérique",
      "Service plus adapté et personnalisé",
    ],
    fundingMode: "transfert",
  },
  {
    slug: "sgar-hdf-illettrisme",
    title: "Repérage et formation des personnes en situation d'illettrisme",
    porteur: "préfecture de région Hauts-de-France - Secrétariat général pour les affaires régionales (SGAR)",
    ministry: "non-precise",
    category: "parcours-usagers",
    territory: { scope: "local", regionCode: "32", departementCode: null, place: "Hauts-de-France" },
    partnerLabs: [],
    summary:
      "Le SGAR Hauts-de-France conduira plusieurs expérimentations pour mieux repérer les personnes concernées " +
      "et leur proposer des solutions et des formations adaptées à leurs besoins.",
    benefitsForAgents: ["Agents formés et outillés pour mieux accompagner le parcours des usagers"],
    benefitsForUsagers: [
      "Meilleure détection des personnes en situation d'illettrisme",
      "Accès à un parcours de formation adapté à leurs besoins",
    ],
    fundingMode: "transfert",
  },
  {
    slug: "cnous-arts-deco-residences",
    title: "Expérimentation participative dans les résidences étudiantes",
    porteur:
      "L'école des Arts Décoratifs Paris et le Centre National des Œuvres Universitaires et Scolaire (CNOUS, relevant du Ministère de l'enseignement supérieur, de la recherche et de l'innovation)",
    ministry: "enseignement-superieur",
    category: "parcours-usagers",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "Le Cnous et l'École des Arts Décoratifs de Paris mènent, avec la chaire Mutation des Vies étudiantes, " +
      "une expérimentation participative dans les résidences étudiantes : espaces communs, services et métiers " +
      "associés, mobilier évolutif pour les petites chambres. Un collectif, « L'atelier des finances », étudie " +
      "les leviers économiques d'une généralisation.",
    benefitsForAgents: [
      "Montrer que l'usage peut contribuer à la pérennité du bâtiment plutôt qu'à sa dégradation",
      "Exploration de modèles d'investissement et de fonctionnement",
    ],
    benefitsForUsagers: [
      "Meilleure qualité de vie des étudiants résidents",
      "Mobilier évolutif et mobile, industrialisable mais adaptable aux besoins de chacun",
    ],
    fundingMode: "subvention",
  },
  {
    slug: "prevention-perte-autonomie",
    title: "Prévention de la perte d'autonomie des personnes âgées",
    porteur: PORTEUR_NOT_GIVEN,
    ministry: "non-precise",
    category: "parcours-usagers",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "L'annonce ne décrit ce projet qu'en une ligne : une démarche de concertation avec les acteurs et " +
      "partenaires concernés, autour de la prévention de la perte d'autonomie chez les personnes âgées. Son " +
      "porteur n'y est pas indiqué.",
    benefitsForAgents: [],
    benefitsForUsagers: [],
    fundingMode: "non-precise",
  },
  {
    slug: "insep-catalyser",
    title: "Catalyser, accélérateur d'innovation de l'INSEP",
    porteur:
      "Institut national du sport, de l’expertise et de la performance (INSEP) (ministère de l’Education nationale, de la Jeunesse et des Sports (MENJS))",
    ministry: "education-sports",
    category: "parcours-usagers",
    territory: { scope: "national" },
    partnerLabs: [],
    summary:
      "Catalyser est un accélérateur d'innovation qui aide les fédérations olympiques et paralympiques et le " +
      "réseau grand INSEP à accéder vite aux innovations utiles au sport de haut niveau, en veillant à ce " +
      "qu'elles répondent aux besoins de la performance. 650 m² de la médiathèque de l'INSEP seront " +
      "réaménagés, en partant des usagers, pour accueillir dispositifs et animations dédiés à l'innovation.",
    benefitsForAgents: [
      "Nouvelles formes de travail plus agiles, créatives et transversales",
      "Acculturation aux démarches centrées usagers",
      "Possibilité de nouvelles formes de formation",
      "Mise en réseau renforcée : échanges, partage d'expérience, tests et démonstrations d'outils",
    ],
    benefitsForUsagers: ["Espaces adaptés aux besoins des usagers et aux pratiques émergentes"],
    fundingMode: "subvention",
  },
  {
    slug: "bretagne-insertion-saint-brieuc",
    title: "Quatre expérimentations pour l'insertion professionnelle à Saint-Brieuc",
    porteur: "Préfecture de Bretagne et le Laboratoire d’innovation territorial TiLab",
    ministry: "non-precise",
    category: "parcours-usagers",
    territory: { scope: "local", regionCode: "53", departementCode: "22", place: "Saint-Brieuc" },
    partnerLabs: ["TiLab"],
    summary:
      "Après une large exploration avec des institutions, des associations et des habitants des quartiers " +
      "prioritaires, la préfecture de région, la Région Bretagne et la ville de Saint-Brieuc vont tester quatre " +
      "dispositifs d'insertion et de formation professionnelles. Ils visent notamment les femmes en situation " +
      "monoparentale et les jeunes adultes, en misant sur l'« aller-vers » et la coopération entre acteurs.",
    benefitsForAgents: [
      "Agents de l'emploi et de la formation mieux intégrés à la vie des quartiers",
      "Démarche documentée ouvertement pour pouvoir être reproduite sur d'autres territoires",
    ],
    benefitsForUsagers: [
      "Politiques et droits en matière d'orientation, de formation et d'emploi mieux compris",
      "Offre mieux ajustée aux besoins de la population",
    ],
    fundingMode: "transfert",
  },
  {
    slug: "corse-vulnerabilite-1000-jours",
    title: "Repérage de la vulnérabilité dans les 1 000 premiers jours de l'enfant en Corse",
    porteur:
      "Collectivité de Corse et l’Agence régionale de Santé de Corse (ministère des Solidarités et de la Santé (MSS))",
    ministry: "solidarites-sante",
    category: "parcours-usagers",
    territory: { scope: "local", regionCode: "94", departementCode: null, place: "Corse" },
    partnerLabs: [],
    summary:
      "La Collectivité de Corse conçoit, par des ateliers, des immersions et une cartographie des acteurs, un " +
      "outil aidant ses agents et les partenaires de la petite enfance à repérer les vulnérabilités dans les " +
      "1 000 premiers jours de l'enfant. Chaque professionnel pourra y noter des observations utiles pour mieux " +
      "accompagner les familles vulnérables dès la grossesse.",
    benefitsForAgents: [
      "Partenariat jusque-là informel organisé entre les acteurs du territoire",
      "Cohésion renforcée entre acteurs institutionnels, associatifs et libéraux",
    ],
    benefitsForUsagers: [
      "Repérage précoce des familles vulnérables ayant des enfants de moins de 6 ans",
      "Accompagnement adapté et pluriprofessionnel",
    ],
    fundingMode: "subvention",
  },
];
