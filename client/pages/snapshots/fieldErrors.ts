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
