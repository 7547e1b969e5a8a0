/** What the expert profile forms (/experts, /experts/:id) send, turned into the use cases' input. */
import { formNumber } from '../../../platform/ui/form-numbers.ts';

/** The profile fields of a submitted form; the checkbox groups send one value per ticked box. */
export function profileInput(form: Record<string, string>, all: (name: string) => string[]) {
  return {
    regions: all('regions'),
    languages: all('languages'),
    specialties: all('specialties'),
    capacity: formNumber(form.capacity),
  };
}

/**
 * Field messages by form field: a message about one value of a group (`regions.3`, an unknown region
 * sent by hand) belongs to the group.
 */
export function byField(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split('.')[0]!;
    out[field] ??= message;
  }
  return out;
}

/** Where the error summary sends the reader for a field path: the group, for one of its values. */
export const fieldAnchor = (path: string) => `#field-${path.split('.')[0]}`;
