import type { Role } from '../../../kernel/roles.ts';

/** One sign-in per role, so that every part of the platform can be tried. */
export const DEMO_ACCOUNTS: { role: Role; email: string; name: string }[] = [
  { role: 'admin', email: 'admin@demo.virage.quebec', name: 'Amélie Administratrice' },
  { role: 'coordinator', email: 'coordination@demo.virage.quebec', name: 'Charles Coordonnateur' },
  { role: 'expert', email: 'experte@demo.virage.quebec', name: 'Émilie Experte' },
  { role: 'partner', email: 'sdc@demo.virage.quebec', name: 'SDC du Vieux-Québec' },
  { role: 'ministry', email: 'ministere@demo.virage.quebec', name: 'Ministère de l’Économie' },
  { role: 'researcher', email: 'recherche@demo.virage.quebec', name: 'Équipe de recherche' },
  { role: 'retailer', email: 'detaillant@demo.virage.quebec', name: 'Rémi Détaillant' },
];

export const DEMO_PASSWORD = 'virage-demo-2027';
