import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import commonEn from '../i18n/en.json' with { type: 'json' };
import commonFr from '../i18n/fr.json' with { type: 'json' };
import { createI18n } from '../i18n/i18n.ts';
import { parseInput } from '../validation.ts';
import { fieldLabel, issueNamespace, localiseError } from './problem.ts';

const i18n = createI18n({
  fr: {
    common: { ...commonFr, fields: { goals: 'Objectifs', foundedYear: 'Année de fondation' } },
    test: {
      rows: 'Le fichier dépasse {{max}} lignes.',
      left_one: '{{count}} place',
      left_other: '{{count}} places',
    },
  },
  en: {
    common: { ...commonEn, fields: { goals: 'Goals', foundedYear: 'Year founded' } },
    test: {
      rows: 'The file has more than {{max}} lines.',
      left_one: '{{count}} place',
      left_other: '{{count}} places',
    },
  },
});

const schema = z.strictObject({
  goals: z.string().max(4000),
  foundedYear: z.number().int().max(2100),
});

function invalid(input: unknown): unknown {
  try {
    parseInput(schema, input);
  } catch (error) {
    return error;
  }
  throw new Error('expected invalid input');
}

describe('localised errors', () => {
  const tooMuch = invalid({ goals: 'x'.repeat(4001), foundedYear: 2200 });

  it('write the numbers of field messages the reader’s way', () => {
    expect(localiseError(tooMuch, i18n, 'fr').errors).toContainEqual({
      path: 'goals',
      message: 'Le champ « Objectifs » doit compter au plus 4\u00a0000 caractères.',
    });
    expect(localiseError(tooMuch, i18n, 'en').errors).toContainEqual({
      path: 'goals',
      message: 'Goals must be at most 4,000 characters long.',
    });
  });

  it('leave the bound of a number field as typed, since it may be a year', () => {
    expect(localiseError(tooMuch, i18n, 'fr').errors).toContainEqual({
      path: 'foundedYear',
      message: "Le champ « Année de fondation » doit être d'au plus 2100.",
    });
  });

  it('write the numbers of the detail the reader’s way, but keep count for plurals', () => {
    const error = new AppError('conflict', { key: 'test:rows', params: { max: 5000 } });
    expect(localiseError(error, i18n, 'fr').detail).toBe('Le fichier dépasse 5\u00a0000 lignes.');
    expect(localiseError(error, i18n, 'en').detail).toBe('The file has more than 5,000 lines.');
    const one = new AppError('conflict', { key: 'test:left', params: { count: 1 } });
    expect(localiseError(one, i18n, 'en').detail).toBe('1 place');
  });
});

describe('field labels', () => {
  // Two modules with a field of the same name and different labels, as experts' and workshops' `capacity`.
  const modules = createI18n({
    fr: {
      common: commonFr,
      experts: { fields: { capacity: 'Capacité (dossiers actifs au maximum)' } },
      workshops: { fields: { capacity: 'Nombre de places' }, errors: { full: 'Complet.' } },
    },
    en: {
      common: commonEn,
      experts: { fields: { capacity: 'Capacity (maximum active files)' } },
      workshops: { fields: { capacity: 'Places' }, errors: { full: 'Full.' } },
    },
  });
  const capacity = z.strictObject({ capacity: z.number().int().min(1) });
  const refused = (ns: string | undefined) => {
    try {
      parseInput(capacity, { capacity: 0 }, ns);
    } catch (error) {
      return localiseError(error, modules, 'fr').errors[0]!.message;
    }
    throw new Error('expected invalid input');
  };

  it('are those of the module that checked the input', () => {
    expect(refused('workshops')).toContain('« Nombre de places »');
    expect(refused('experts')).toContain('« Capacité (dossiers actifs au maximum) »');
  });

  it('are those of the module whose message a field error carries', () => {
    const error = new AppError('invalid_input', {
      fields: [{ path: 'capacity', key: 'workshops:errors.full' }],
    });
    expect(localiseError(error, modules, 'en').errors[0]!.message).toBe('Full.');
    expect(fieldLabel(modules, 'en', 'capacity', issueNamespace(error.fields[0]!))).toBe('Places');
  });

  it('fall back to any module’s, then to the path', () => {
    expect(refused(undefined)).toMatch(/« (Nombre de places|Capacité \(dossiers actifs au maximum\)) »/);
    expect(fieldLabel(modules, 'fr', 'unknownField', 'workshops')).toBe('unknownField');
  });
});
