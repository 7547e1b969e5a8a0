import type { ReactNode } from 'react';

/** A question in one language, as the retailer's questionnaire page and its preview show it. */
export type QuestionView = {
  id: string;
  label: string;
  help: string | null;
  type: 'single' | 'multiple';
  choices: { id: string; label: string; score: number }[];
};

/**
 * One question as the retailer answers it: a fieldset named by the question, its help, and one radio
 * button (single choice) or checkbox (several) per choice. Shared by the retailer's page and the
 * administrators' preview, which adds its notes (`note` after the help, `choiceNote` after a choice's
 * label) so that what they check is exactly what retailers get.
 */
export function QuestionFieldset({
  question: q,
  given = [],
  error,
  severalHint,
  note,
  choiceNote,
}: {
  question: QuestionView;
  /** The choices already ticked. */
  given?: string[];
  error?: string;
  /** "Tick all that apply", in the questionnaire's language. */
  severalHint: string;
  note?: ReactNode;
  choiceNote?: (choice: QuestionView['choices'][number]) => ReactNode;
}) {
  return (
    <fieldset
      id={`field-answers-${q.id}`}
      className={error ? 'question field-error' : 'question'}
      aria-describedby={q.help ? `help-${q.id}` : undefined}
    >
      <legend>{q.label}</legend>
      {q.help ? (
        <p id={`help-${q.id}`} className="hint">
          {q.help}
        </p>
      ) : null}
      {q.type === 'multiple' ? <p className="hint">{severalHint}</p> : null}
      {note}
      {error ? <p className="error-message">{error}</p> : null}
      {q.choices.map((c) => (
        <div key={c.id} className={q.type === 'multiple' ? 'checkbox' : 'radio'}>
          <input
            id={`${q.id}-${c.id}`}
            type={q.type === 'multiple' ? 'checkbox' : 'radio'}
            name={q.id}
            value={c.id}
            defaultChecked={given.includes(c.id)}
          />
          <label htmlFor={`${q.id}-${c.id}`}>
            {c.label}
            {choiceNote?.(c)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
