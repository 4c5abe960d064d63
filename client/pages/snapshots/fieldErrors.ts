import { rangeProblem } from '../../lib/dateRange';
import { GraphQLRequestError } from '../../graphql/request';

/** The create form's fields, plus `form` for a problem that belongs to none of them. */
export type SnapshotField = 'label' | 'from' | 'to' | 'range' | 'teams' | 'form';
export type FieldErrors = Partial<Record<SnapshotField, string>>;

/** Where the server's record fields (BAD_USER_INPUT extensions.records[].field) show in the form. */
function fieldOf(serverField: string): SnapshotField {
  if (serverField === 'label') return 'label';
  if (serverField === 'range.from') return 'from';
  if (serverField === 'range.to') return 'to';
  if (serverField === 'range') return 'range';
  if (serverField === 'teams' || serverField.startsWith('teams.')) return 'teams';
  return 'form';
}

const sentence = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/**
 * A failed createSnapshot as messages by form field. Bad input is listed per field (several
 * problems with one field are joined); anything else — FORBIDDEN, a network error — is the form's.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof GraphQLRequestError)) return { form: error instanceof Error ? error.message : String(error) };
  if (error.code !== 'BAD_USER_INPUT' || error.records.length === 0) {
    return { form: error.code ? `${error.message} (${error.code})` : error.message };
  }
  const out: FieldErrors = {};
  for (const r of error.records) {
    const field = fieldOf(r.field);
    const text = field === 'form' ? `${r.field}: ${r.message}` : sentence(r.message);
    out[field] = out[field] ? `${out[field]}; ${text}` : text;
  }
  return out;
}

/** The form's own checks before anything is sent: a label, a real range, at least one team. */
export function checkSnapshotForm(form: { label: string; from: string; to: string; teams: number }): FieldErrors {
  const e: FieldErrors = {};
  if (!form.label.trim()) e.label = 'Give the snapshot a label, e.g. “Q3 ops review”.';
  const why = rangeProblem(form.from, form.to);
  if (why) {
    const text = why[0].toUpperCase() + why.slice(1) + '.';
    if (why.startsWith('start')) e.from = text;
    else if (why.startsWith('end')) e.to = text;
    else e.range = text;
  }
  if (form.teams === 0) e.teams = 'Choose at least one team.';
  return e;
}
