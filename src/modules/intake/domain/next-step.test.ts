import { describe, expect, it } from 'vitest';
import { type AcceptedFile, nextStep } from './next-step.ts';

const justAccepted: AcceptedFile = {
  entry: 'not_started',
  closing: 'not_started',
  expertAssigned: false,
  coachingClosed: false,
};

describe('next step of an application', () => {
  it('follows the status until acceptance', () => {
    expect(nextStep('draft', justAccepted)).toBe('draft');
    expect(nextStep('submitted', justAccepted)).toBe('submitted');
    expect(nextStep('waitlisted', justAccepted)).toBe('waitlisted');
    expect(nextStep('refused', justAccepted)).toBe('refused');
  });

  it('then follows the file: entry diagnostic, expert, coaching, closing diagnostic', () => {
    expect(nextStep('accepted', justAccepted)).toBe('entry_diagnostic');
    expect(nextStep('accepted', { ...justAccepted, entry: 'in_progress' })).toBe(
      'entry_diagnostic_in_progress',
    );
    const diagnosed = { ...justAccepted, entry: 'completed' as const };
    expect(nextStep('accepted', diagnosed)).toBe('awaiting_expert');
    const coached = { ...diagnosed, expertAssigned: true };
    expect(nextStep('accepted', coached)).toBe('coaching');
    const closed = { ...coached, expertAssigned: false, coachingClosed: true };
    expect(nextStep('accepted', closed)).toBe('closing_diagnostic');
    expect(nextStep('accepted', { ...closed, closing: 'in_progress' })).toBe('closing_diagnostic');
    expect(nextStep('accepted', { ...closed, closing: 'completed' })).toBe('closed');
  });

  it('asks for the entry diagnostic even when an expert is already assigned', () => {
    expect(nextStep('accepted', { ...justAccepted, expertAssigned: true })).toBe('entry_diagnostic');
  });

  it('asks for no closing diagnostic when there is no entry one to compare with', () => {
    expect(nextStep('accepted', { ...justAccepted, coachingClosed: true })).toBe('closed');
  });
});
