import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE } from './default-questionnaire.ts';
import { radarLayout, wrapLabel } from './radar.ts';

describe('radar labels', () => {
  it('wrap between words, a word longer than a line keeping a line to itself', () => {
    expect(wrapLabel('Expérience client omnicanal', 14)).toEqual(['Expérience', 'client', 'omnicanal']);
    expect(wrapLabel('Opérations et outils', 14)).toEqual(['Opérations et', 'outils']);
    expect(wrapLabel('Présence en ligne', 20)).toEqual(['Présence en ligne']);
    expect(wrapLabel('renseignements personnels', 10)).toEqual(['renseignements', 'personnels']);
  });

  it.each(['fr', 'en'] as const)(
    'fit whole inside the view box, an em from its edges, the chart centred (%s)',
    (locale) => {
      const axes = DEFAULT_QUESTIONNAIRE.dimensions.map((d) => d.label[locale]);
      const fontSize = 12;
      const { labels, viewBox } = radarLayout(axes, {
        center: { x: 0, y: 0 },
        radius: 100,
        fontSize,
        lineLength: 14,
      });
      expect(labels.map((l) => l.lines.join(' '))).toEqual(axes);
      // Each label as wide as DejaVu Sans, the widest usual sans-serif font, draws it.
      for (const label of labels) {
        const width = Math.max(...label.lines.map((line) => line.length)) * fontSize * 0.6;
        const left =
          label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - width : label.x - width / 2;
        expect(left).toBeGreaterThanOrEqual(viewBox.x + fontSize);
        expect(left + width).toBeLessThanOrEqual(viewBox.x + viewBox.width - fontSize);
        expect(label.firstLineY - fontSize / 2).toBeGreaterThanOrEqual(viewBox.y);
        const lastLineY = label.firstLineY + (label.lines.length - 1) * fontSize * 1.2;
        expect(lastLineY + fontSize / 2).toBeLessThanOrEqual(viewBox.y + viewBox.height);
      }
      expect(viewBox.x + viewBox.width / 2).toBeCloseTo(0);
      // The first axis points up: its label sits above the chart.
      const top = labels[0]!;
      expect(top.anchor).toBe('middle');
      expect(top.firstLineY + (top.lines.length - 1) * fontSize * 1.2).toBeLessThan(-100);
    },
  );
});
