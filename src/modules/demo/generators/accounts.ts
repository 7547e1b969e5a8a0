import type { Role } from '../../../kernel/roles.ts';

/**
 * One sign-in per role, so that every part of the platform can be tried, and a second finance officer:
 * a payment and a payment batch are approved by someone other than who prepared them.
 */
export const DEMO_ACCOUNTS: { role: Role; email: string; name: string }[] = [
  { role: 'admin', email: 'admin@demo.virage.quebec', name: 'Amélie Administratrice' },
  { role: 'coordinator', email: 'coordination@demo.virage.quebec', name: 'Charles Coordonnateur' },
  { role: 'expert', email: 'experte@demo.virage.quebec', name: 'Émilie Experte' },
  { role: 'partner', email: 'sdc@demo.virage.quebec', name: 'SDC du Vieux-Québec' },
  { role: 'ministry', email: 'ministere@demo.virage.quebec', name: 'Ministère de l’Économie' },
  { role: 'researcher', email: 'recherche@demo.virage.quebec', name: 'Équipe de recherche' },
  { role: 'finance', email: 'finances@demo.virage.quebec', name: 'Francine Finances' },
  { role: 'finance', email: 'approbation@demo.virage.quebec', name: 'Paul Paiements' },
  { role: 'privacy', email: 'confidentialite@demo.virage.quebec', name: 'Rachida Responsable' },
  { role: 'retailer', email: 'detaillant@demo.virage.quebec', name: 'Rémi Détaillant' },
];

/** The finance officer who approves what the first one prepared (the second account of that role). */
export const DEMO_PAYMENT_APPROVER_EMAIL = 'approbation@demo.virage.quebec';

export const DEMO_PASSWORD = 'virage-demo-2027';
