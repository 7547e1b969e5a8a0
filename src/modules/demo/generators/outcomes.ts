import type { Locale } from '../../../kernel/locale.ts';
import { type OutcomeAnswers, TOOLS } from '../../coaching/index.ts';
import type { Random } from './random.ts';

const COMMENTS: Record<'completed' | 'abandoned', Record<Locale, string[]>> = {
  completed: {
    fr: [
      'L’accompagnement nous a fait gagner des mois : on sait maintenant quoi publier et quand.',
      'Notre experte était toujours disponible. La boutique en ligne représente déjà une part de nos ventes.',
      'Très utile. On aurait aimé quelques heures de plus pour la boutique en ligne.',
    ],
    en: [
      'The coaching saved us months: we now know what to post and when.',
      'Our expert was always available. The online store already brings part of our sales.',
      'Very useful. We would have liked a few more hours for the online store.',
    ],
  },
  abandoned: {
    fr: ['Le moment était mal choisi pour nous, mais les premiers conseils ont servi.'],
    en: ['The timing was wrong for us, but the first pieces of advice were useful.'],
  },
};

/**
 * A retailer's answers to the outcome survey at closure: those who completed their plan sell more online
 * and adopted several tools; those who dropped out, less.
 */
export function surveyAnswers(
  outcome: 'completed' | 'abandoned',
  employees: number,
  language: Locale,
  random: Random,
): OutcomeAnswers {
  const completed = outcome === 'completed';
  const comments = random.chance(0.4) ? { comments: random.pick(COMMENTS[outcome][language]) } : {};
  return {
    onlineSalesShare: completed ? random.int(3, 35) : random.int(0, 6),
    revenueChange: completed
      ? random.weighted([
          ['increase', 45],
          ['increase_10', 20],
          ['stable', 25],
          ['unknown', 10],
        ] as const)
      : random.weighted([
          ['stable', 40],
          ['decrease', 25],
          ['unknown', 35],
        ] as const),
    jobsCreated: completed
      ? random.weighted([
          [0, 70],
          [1, 25],
          [2, 5],
        ] as const)
      : 0,
    jobsKept: employees,
    toolsAdopted: random.sample(TOOLS, completed ? random.int(2, 5) : random.int(0, 1)),
    satisfactionExpert: completed ? random.int(4, 5) : random.int(2, 4),
    satisfactionProgram: completed ? random.int(3, 5) : random.int(2, 4),
    ...comments,
  };
}
