import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { DataPanel } from '../../components/DataPanel';
import { CREATE_SNAPSHOT, SNAPSHOT_TEAMS, type SnapshotSummary, type TeamChoice } from '../../graphql/snapshotOperations';
import type { DateRange } from '../../graphql/operations';
import { written } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { useQuery } from '../../lib/useQuery';
import { checkSnapshotForm, fieldErrorsOf, type FieldErrors, type SnapshotField } from './fieldErrors';
import { FieldError } from '../../components/FieldError';
import { SnapshotTeamPicker } from './SnapshotTeamPicker';

export interface CreateSnapshotFormProps {
  /** The range to start from: the view the user came from, or the last 28 days. */
  initialRange: DateRange;
  /** True when the range came from the link (?from=&to=), i.e. "create from the current view". */
  rangeFromView: boolean;
  /** Slugs to preselect (?teams=a,b); null: every team. */
  initialTeams: string[] | null;
  onCreated(snapshot: SnapshotSummary): void;
}

const NO_VARS = {};

/** Label, range and teams → createSnapshot; problems are shown beside the field they concern. */
export function CreateSnapshotForm(props: CreateSnapshotFormProps) {
  const teams = useQuery(SNAPSHOT_TEAMS, NO_VARS);
  return (
    <DataPanel query={teams} what="teams" minHeight={120} isEmpty={(d) => d.teams.length === 0} empty={<NoTeams />}>
      {(d) => <SnapshotForm {...props} teams={d.teams} />}
    </DataPanel>
  );
}

function NoTeams() {
  return (
    <>
      <p className="state__title">No teams to snapshot yet</p>
      <p className="state__text">
        A snapshot freezes teams’ figures; create teams first (<code>upsertTeams</code>), then come back.
      </p>
    </>
  );
}

function SnapshotForm({ initialRange, rangeFromView, initialTeams, onCreated, teams }: CreateSnapshotFormProps & { teams: TeamChoice[] }) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState(initialRange.from);
  const [to, setTo] = useState(initialRange.to);
  const known = useMemo(() => new Set(teams.map((t) => t.slug)), [teams]);
  const [chosen, setChosen] = useState<Set<string>>(() => {
    const wanted = initialTeams?.filter((s) => known.has(s));
    return new Set(wanted && wanted.length ? wanted : teams.map((t) => t.slug));
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const labelRef = useRef<HTMLInputElement>(null);
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const teamsRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLParagraphElement>(null);
  // After a refused submit, focus the first field that needs attention so keyboard and screen-reader
  // users land on it. Each refusal is a new object, so the same errors twice still move the focus.
  const [refused, setRefused] = useState<FieldErrors | null>(null);
  useEffect(() => {
    if (!refused) return;
    const refs = { label: labelRef, from: fromRef, to: toRef, teams: teamsRef, form: formRef };
    const order: SnapshotField[] = ['label', 'from', 'range', 'to', 'teams', 'form'];
    const first = order.find((f) => refused[f]);
    const target = first === 'range' ? 'from' : first;
    if (target) refs[target].current?.focus();
  }, [refused]);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const local = checkSnapshotForm({ label, from, to, teams: chosen.size });
    setErrors(local);
    if (Object.keys(local).length) {
      setRefused(local);
      return;
    }
    setBusy(true);
    try {
      const slugs = teams.map((t) => t.slug).filter((s) => chosen.has(s));
      const { createSnapshot } = await mutate(CREATE_SNAPSHOT, {
        input: { label: label.trim(), range: { from, to }, teams: slugs },
      });
      onCreated(written(createSnapshot));
    } catch (e) {
      const refusal = fieldErrorsOf(e);
      setErrors(refusal);
      setRefused(refusal);
      setBusy(false);
    }
  }

  const describedBy = (field: SnapshotField, ...more: string[]) =>
    [errors[field] ? `${id}-${field}-error` : '', ...more].filter(Boolean).join(' ') || undefined;
  const rangeInvalid = Boolean(errors.range);

  return (
    <form className="snap-form card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="snap-form__title">Create a snapshot</h2>
      <p className="snap-form__intro muted">
        Freezes every chosen team’s KPIs, sprints, guardrails and recommendation for the range. Later data never changes it.
      </p>
      <div className="snap-form__row">
        <div className="field snap-form__label">
          <label htmlFor={`${id}-label`}>Label</label>
          <input
            ref={labelRef}
            id={`${id}-label`}
            name="label"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={200}
            required
            aria-required="true"
            aria-invalid={errors.label ? true : undefined}
            aria-describedby={describedBy('label')}
            placeholder="Sprint 42 review"
            autoComplete="off"
          />
          <FieldError id={`${id}-label-error`} text={errors.label} announce={false} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            ref={fromRef}
            id={`${id}-from`}
            name="from"
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
            required
            aria-invalid={errors.from || rangeInvalid ? true : undefined}
            aria-describedby={describedBy('from', errors.range ? `${id}-range-error` : '', `${id}-range-hint`)}
          />
          <FieldError id={`${id}-from-error`} text={errors.from} announce={false} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            ref={toRef}
            id={`${id}-to`}
            name="to"
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
            required
            aria-invalid={errors.to || rangeInvalid ? true : undefined}
            aria-describedby={describedBy('to', errors.range ? `${id}-range-error` : '', `${id}-range-hint`)}
          />
          <FieldError id={`${id}-to-error`} text={errors.to} announce={false} />
        </div>
      </div>
      <FieldError id={`${id}-range-error`} text={errors.range} announce={false} />
      <p id={`${id}-range-hint`} className="snap-form__hint muted">
        {rangeFromView ? 'Range taken from the view you came from.' : 'Default: the last 28 days.'} Both days are included.
      </p>

      <SnapshotTeamPicker
        teams={teams}
        chosen={chosen}
        onChange={setChosen}
        firstRef={teamsRef}
        errorId={`${id}-teams-error`}
        error={errors.teams}
      />

      {errors.form && (
        <p ref={formRef} tabIndex={-1} className="snap-form__error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {errors.form}
        </p>
      )}
      <div className="snap-form__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Freezing figures…' : 'Create snapshot'}
        </button>
      </div>
    </form>
  );
}
