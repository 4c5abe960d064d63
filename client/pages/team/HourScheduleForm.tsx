import { useId, useState, type FormEvent } from 'react';
import { GraphQLRequestError } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { describeSchedule, formFieldOf, HOUR_FIELDS, hourToTime, SET_HOUR_SCHEDULE, timeToHour, WEEKDAYS, type HourField, type HourSchedule } from './hourSchedule';
import { FieldError } from '../../components/FieldError';

const LABELS: Record<HourField, string> = {
  businessStartHour: 'Business hours from',
  businessEndHour: 'Business hours until',
  sleepStartHour: 'Sleep hours from',
  sleepEndHour: 'Sleep hours until',
};

type Errors = Partial<Record<HourField | 'businessDays' | 'form', string>>;

/**
 * The team's business, off and sleep hours (its time zone). Saving re-splits the team's stored
 * pages on the server; saving marks every cached figure stale (mutate), so the page reads them again.
 */
export function HourScheduleForm({
  team,
  schedule,
  timezone,
  canEdit,
}: {
  team: { slug: string; name: string };
  schedule: HourSchedule;
  timezone: string;
  canEdit: boolean;
}) {
  const id = useId();
  const [times, setTimes] = useState(() => Object.fromEntries(HOUR_FIELDS.map((f) => [f, hourToTime(schedule[f])])) as Record<HourField, string>);
  const [days, setDays] = useState<number[]>(schedule.businessDays);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Errors = {};
    const hours = {} as Record<HourField, number>;
    for (const f of HOUR_FIELDS) {
      const h = timeToHour(times[f]);
      if (h === null) next[f] = 'must be a time of day, HH:MM (24:00 for the end of the day)';
      else hours[f] = h;
    }
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    try {
      await mutate(SET_HOUR_SCHEDULE, { input: [{ slug: team.slug, name: team.name, hourSchedule: { ...hours, businessDays: days } }] });
      setBusy(false);
    } catch (err) {
      const records = err instanceof GraphQLRequestError ? err.records : [];
      const shown: Errors = {};
      for (const r of records) {
        const field = formFieldOf(r.field);
        if (field) shown[field] = r.message;
        else shown.form = [shown.form, `${r.field}: ${r.message}`].filter(Boolean).join(' ');
      }
      if (records.length === 0) shown.form = (err as Error).message;
      setErrors(shown);
      setBusy(false);
    }
  }

  return (
    <form className="card hour-schedule" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="hour-schedule">
      <h3 id={`${id}-title`}>Hour schedule</h3>
      <p className="field-hint" data-testid="hour-schedule-now">
        {describeSchedule(schedule)}, in {timezone}. Page hours are split by these classes; saving a change re-splits the team’s
        stored pages.
      </p>
      <div className="hour-schedule__grid">
        {HOUR_FIELDS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`${id}-${f}`}>{LABELS[f]}</label>
            <input
              id={`${id}-${f}`}
              type="text"
              inputMode="numeric"
              pattern="\d{1,2}:\d{2}"
              placeholder="HH:MM"
              value={times[f]}
              onChange={(e) => setTimes((t) => ({ ...t, [f]: e.target.value }))}
              aria-invalid={errors[f] ? true : undefined}
              aria-describedby={errors[f] ? `${id}-${f}-error` : undefined}
              disabled={!canEdit}
              data-testid={`hour-schedule-${f}`}
            />
            <FieldError id={`${id}-${f}-error`} text={errors[f]} />
          </div>
        ))}
      </div>
      <fieldset className="hour-schedule__days" disabled={!canEdit}>
        <legend>Business days</legend>
        {WEEKDAYS.map(([d, label]) => (
          <label key={d} className="checkbox">
            <input
              type="checkbox"
              checked={days.includes(d)}
              onChange={(e) => setDays((ds) => (e.target.checked ? [...ds, d].sort((a, b) => a - b) : ds.filter((x) => x !== d)))}
              data-testid={`hour-schedule-day-${d}`}
            />
            {label}
          </label>
        ))}
        <FieldError text={errors.businessDays} />
      </fieldset>
      <FieldError testId="hour-schedule-error" text={errors.form} />
      <div className="guardrail-form__footer">
        <button type="submit" className="button" disabled={busy || !canEdit} data-testid="hour-schedule-save">
          {busy ? 'Saving…' : 'Save hour schedule'}
        </button>
        {!canEdit && <span className="field-hint">Changing a team’s settings needs the admin scope.</span>}
      </div>
    </form>
  );
}
