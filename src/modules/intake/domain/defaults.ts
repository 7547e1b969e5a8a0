import type { ConsentPurpose } from './consents.ts';

/** Consent texts of the default program (version 1); administrators publish new versions. */
export const DEFAULT_CONSENT_TEXTS: Record<ConsentPurpose, { fr: string; en: string }> = {
  participation: {
    fr: "J'accepte que l'équipe du programme (le Conseil québécois du commerce de détail et ses expertes et experts) recueille et utilise les renseignements de ce formulaire pour vérifier l'admissibilité de mon entreprise, l'accompagner et gérer l'aide financière. Seules les personnes qui en ont besoin pour ces fins y ont accès. Ces renseignements sont détruits ou anonymisés à la fin du programme. Je peux demander à les consulter, à les corriger ou à en obtenir une copie.",
    en: 'I agree that the program team (the Conseil québécois du commerce de détail and its experts) collects and uses the information in this form to check my business’s eligibility, support it and manage the financial aid. Only the people who need it for these purposes can see it. This information is destroyed or anonymised at the end of the program. I may ask to see it, correct it or get a copy of it.',
  },
  research: {
    fr: "J'accepte que des renseignements sur mon entreprise et son accompagnement soient transmis, sans mon nom ni mes coordonnées, au partenaire de recherche du programme (Cefrio) pour des études sur le virage numérique du commerce de détail.",
    en: 'I agree that information about my business and its coaching is shared, without my name or contact details, with the program’s research partner (Cefrio) for studies on the digital shift of retail.',
  },
  surveys: {
    fr: "J'accepte d'être joint par courriel pour des sondages de suivi sur les résultats de mon entreprise, jusqu'à douze mois après la fin de mon accompagnement.",
    en: 'I agree to be contacted by e-mail for follow-up surveys on my business’s results, up to twelve months after my coaching ends.',
  },
  publication: {
    fr: "J'accepte que le nom commercial de mon entreprise figure dans la liste publique des participants du programme.",
    en: 'I agree that my business’s trade name appears in the public list of the program’s participants.',
  },
  newsletter: {
    fr: "J'accepte de recevoir par courriel l'infolettre du programme (nouvelles, ateliers, occasions). Je peux me désabonner en tout temps, sans me connecter, par le lien au bas de chaque infolettre.",
    en: 'I agree to receive the program’s newsletter by e-mail (news, workshops, opportunities). I may unsubscribe at any time, without signing in, through the link at the bottom of each newsletter.',
  },
};

export const DEFAULT_AUTOMATED_DECISION_NOTICE = {
  fr: "L'admissibilité de votre entreprise est d'abord évaluée automatiquement, à partir des critères du programme et des renseignements que vous fournissez. Chaque critère est expliqué. Vous pouvez demander qu'une personne de l'équipe du programme réexamine cette évaluation.",
  en: 'Your business’s eligibility is first assessed automatically, from the program’s criteria and the information you give. Each criterion is explained. You may ask a person from the program team to review this assessment.',
};
