import { describe, expect, it } from 'vitest';
import { expertQuality } from './expert-quality.ts';

const row = (
  name: string,
  closedFiles: number,
  more: Partial<Parameters<typeof expertQuality>[0][0]> = {},
) => ({
  expertId: name,
  name,
  closedFiles,
  pairs: closedFiles,
  meanGain: 12.34,
  gainBeyondExpected: -1.26,
  surveys: closedFiles,
  satisfaction: 4.25,
  actions: 3 * closedFiles,
  actionsDone: 2 * closedFiles,
  ...more,
});

describe('expert quality', () => {
  it('shows the outcomes of ten closed files or more, rounded, and lists experts by name, not by score', () => {
    const [camille, zoe] = expertQuality([row('Zoé', 12), row('Camille', 10, { gainBeyondExpected: 3 })]);
    expect(camille).toMatchObject({ name: 'Camille', figures: { gainBeyondExpected: 3 } });
    expect(zoe).toEqual({
      expertId: 'Zoé',
      name: 'Zoé',
      closedFiles: 12,
      figures: {
        pairs: 12,
        meanGain: 12.3,
        gainBeyondExpected: -1.3,
        satisfaction: 4.3,
        planCompletionPercent: 66.7,
      },
      reasonKey: null,
    });
  });

  it('hides every figure under ten closed files, and a mean resting on fewer than ten pairs or answers', () => {
    const [few, fewPairs] = expertQuality([row('A', 9), row('B', 11, { pairs: 4, surveys: 9 })]);
    expect(few).toMatchObject({ figures: null, reasonKey: 'reporting:expert_quality.too_few_files' });
    expect(fewPairs!.figures).toMatchObject({
      pairs: 4,
      meanGain: null,
      gainBeyondExpected: null,
      satisfaction: null,
    });
  });
});
