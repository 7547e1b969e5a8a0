import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA, evaluate, type Facts } from './eligibility.ts';
import { inTeamWords } from './team-wording.ts';

const facts: Facts = {
  postalCode: 'H2X 1Y4',
  region: '06',
  neq: '1143920115',
  naics: '458',
  employees: 80,
  foundedYear: 2015,
  yearsInOperation: 12,
  alreadyInProgram: false,
};

describe('eligibility explanations in the team’s words', () => {
  it('speak of the business, not to the applicant, in both languages', () => {
    const { criteria } = evaluate(DEFAULT_CRITERIA, facts);
    for (const c of criteria) {
      expect(inTeamWords(c.message.fr, 'fr')).not.toMatch(/\b(votre|vous|vos)\b/i);
      expect(inTeamWords(c.message.en, 'en')).not.toMatch(/\b(your|you)\b/i);
    }
    const size = criteria.find((c) => c.id === 'small_business')!;
    expect(inTeamWords(size.message.fr, 'fr')).toBe(
      "L'entreprise compte 80 employés ; le programme s'adresse aux entreprises de 50 employés ou moins.",
    );
    expect(inTeamWords(size.message.en, 'en')).toBe(
      'The business has 80 employees; the program is for businesses with 50 employees or fewer.',
    );
    const retail = criteria.find((c) => c.id === 'retail_trade')!;
    expect(inTeamWords(retail.message.fr, 'fr')).toBe(
      'Le commerce fait partie du commerce de détail (SCIAN 458).',
    );
  });

  it('contracts the article after « à » and « de »', () => {
    expect(inTeamWords('Un conseil adapté à votre commerce et aux besoins de votre magasin.', 'fr')).toBe(
      'Un conseil adapté au commerce et aux besoins du magasin.',
    );
  });
});
