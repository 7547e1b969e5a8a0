import { describe, expect, it } from 'vitest';
import { SUPPLIER_CATEGORIES } from '../../coaching/index.ts';
import { randomFor } from './random.ts';
import { DEMO_SUPPLIERS, supplierForAction } from './suppliers.ts';

describe('demo suppliers', () => {
  it('are about fifteen, clearly fictional, across every category', () => {
    expect(DEMO_SUPPLIERS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(DEMO_SUPPLIERS.flatMap((s) => s.categories))).toEqual(new Set(SUPPLIER_CATEGORIES));
    for (const s of DEMO_SUPPLIERS) {
      expect(s.website).toMatch(/^https:\/\/[a-z0-9-]+\.example$/);
      expect(s.descriptionFr).toContain('fictive');
      expect(s.descriptionEn).toContain('Fictional');
    }
    expect(new Set(DEMO_SUPPLIERS.map((s) => s.name)).size).toBe(DEMO_SUPPLIERS.length);
  });

  it('are suggested for an action when they fit its dimension, the region and the language', () => {
    const suppliers = DEMO_SUPPLIERS.map((s, i) => ({ ...s, id: String(i) }));
    const random = randomFor(1, 'suppliers');
    const id = supplierForAction(
      suppliers,
      'ecommerce_click_and_collect',
      { region: '06', language: 'en' },
      random,
    );
    const chosen = suppliers[Number(id)]!;
    expect(chosen.regions).toContain('06');
    expect(chosen.languages).toContain('en');
    expect(chosen.categories.some((c) => ['ecommerce_platform', 'logistics', 'developer'].includes(c))).toBe(
      true,
    );
    expect(supplierForAction(suppliers, 'unknown_key', { region: '06', language: 'fr' }, random)).toBeNull();
  });
});
