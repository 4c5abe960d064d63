import { useId, useState, type FormEvent } from 'react';
import { GraphQLRequestError } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { SAVE_TEAM, type TeamFields } from './operations';
import { FieldError } from '../../components/FieldError';

type Field = 'slug' | 'name' | 'timezone' | 'members' | 'focusHoursPerDay';
type Errors = Partial<Record<Field | 'form', string>>;

const LABELS: Record<Field, string> = {
  slug: 'Slug',
  name: 'Name',
  timezone: 'Time zone',
  members: 'Members',
  focusHoursPerDay: 'Focus hours a day',
};

const HINTS: Record<Field, string> = {
  slug: 'The team’s key in URLs, the API and CSV files: a-z, 0-9 and -. It cannot change later.',
  name: '',
  timezone: 'IANA name, e.g. Europe/Berlin: days and hour classes are read in it.',
  members: 'Head count for sprint capacity; empty when unknown.',
  focusHoursPerDay: 'Hours of focused work a member gives a sprint per working day.',
};

const FIELDS: Field[] = ['slug', 'name', 'timezone', 'members', 'focusHoursPerDay'];

/** "" → null; a plain number → the number; anything else → undefined (not a number). */
function numberOf(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Creates a team (no `team`) or edits one. The server checks every field; its problems are shown
 * beside the fields they name. Saving marks every cached figure stale (mutate).
 */
export function TeamForm({ team, canEdit, onSaved }: { team?: TeamFields; canEdit: boolean; onSaved?: (slug: string) => void }) {
  const id = useId();
  const creating = !team;
  const [values, setValues] = useState<Record<Field, string>>({
    slug: team?.slug ?? '',
    name: team?.name ?? '',
    timezone: team?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
    members: team?.members === null || team?.members === undefined ? '' : String(team.members),
    focusHoursPerDay: String(team?.focusHoursPerDay ?? 6),
  });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const next: Errors = {};
    const members = numberOf(values.members);
    const focus = numberOf(values.focusHoursPerDay);
    if (members === undefined) next.members = 'must be a whole number, or empty when unknown';
    if (focus === undefined || focus === null) next.focusHoursPerDay = 'must be a number of hours, e.g. 6';
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      const input = { slug: values.slug.trim(), name: values.name.trim(), timezone: values.timezone.trim(), members, focusHoursPerDay: focus };
      const data = await mutate(SAVE_TEAM, { input: [input] });
      setSaved(true);
      onSaved?.(data.upsertTeams?.[0]?.slug ?? input.slug);
    } catch (err) {
      const records = err instanceof GraphQLRequestError ? err.records : [];
      const shown: Errors = {};
      for (const r of records) {
        if ((FIELDS as string[]).includes(r.field)) shown[r.field as Field] = r.message;
        else shown.form = [shown.form, `${r.field}: ${r.message}`].filter(Boolean).join(' ');
      }
      if (records.length === 0) shown.form = (err as Error).message;
      setErrors(shown);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card team-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="team-form">
      <h3 id={`${id}-title`}>{creating ? 'New team' : 'Team'}</h3>
      {FIELDS.map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`${id}-${f}`}>{LABELS[f]}</label>
          <input
            id={`${id}-${f}`}
            type="text"
            inputMode={f === 'members' || f === 'focusHoursPerDay' ? 'decimal' : undefined}
            value={values[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
            readOnly={f === 'slug' && !creating}
            disabled={!canEdit}
            aria-invalid={errors[f] ? true : undefined}
            aria-describedby={`${id}-${f}-hint${errors[f] ? ` ${id}-${f}-error` : ''}`}
            data-testid={`team-form-${f}`}
          />
          {HINTS[f] && <p id={`${id}-${f}-hint`} className="field-hint">{HINTS[f]}</p>}
          <FieldError id={`${id}-${f}-error`} testId={`team-form-error-${f}`} text={errors[f]} />
        </div>
      ))}
      <FieldError testId="team-form-error" text={errors.form} />
      <div className="guardrail-form__footer">
        <button type="submit" className="button" disabled={busy || !canEdit} data-testid="team-form-save">
          {busy ? 'Saving…' : creating ? 'Create team' : 'Save team'}
        </button>
        {saved && !creating && <span className="field-hint" role="status">Saved.</span>}
        {!canEdit && <span className="field-hint">Creating and changing teams needs the admin scope.</span>}
      </div>
    </form>
  );
}
