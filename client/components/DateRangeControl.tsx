import { useId, useState, type FormEvent } from 'react';
import { PRESETS, rangeProblem, type Preset } from '../lib/dateRange';
import type { DateRangeState } from '../lib/useDateRange';
import { FieldError } from './FieldError';

/**
 * Preset picker plus a custom from/to form; the range itself lives in the URL (useDateRange).
 * `extraPresets` add page-specific choices, e.g. a team's last sprint.
 */
export function DateRangeControl({ state, extraPresets = [] }: { state: DateRangeState; extraPresets?: Preset[] }) {
  const { range, today, setRange } = state;
  const presets = [...PRESETS, ...extraPresets];
  const match = presets.find((p) => {
    const r = p.range(today);
    return r.from === range.from && r.to === range.to;
  });
  // Remount the custom form when the range changes elsewhere (a preset, the back button).
  return <RangeForm key={`${range.from}/${range.to}`} state={state} presets={presets} presetId={match?.id ?? 'custom'} today={today} onRange={setRange} />;
}

function RangeForm({
  state,
  presets,
  presetId,
  today,
  onRange,
}: {
  state: DateRangeState;
  presets: Preset[];
  presetId: string;
  today: string;
  onRange: DateRangeState['setRange'];
}) {
  const id = useId();
  const [from, setFrom] = useState(state.range.from);
  const [to, setTo] = useState(state.range.to);
  const [problem, setProblem] = useState<string | null>(null);
  const dirty = from !== state.range.from || to !== state.range.to;

  function choosePreset(value: string) {
    const p = presets.find((x) => x.id === value);
    if (p) onRange(p.range(today));
  }

  function apply(e: FormEvent) {
    e.preventDefault();
    const why = rangeProblem(from, to);
    setProblem(why);
    if (!why) onRange({ from, to });
  }

  return (
    <form className="range-control" onSubmit={apply} noValidate>
      <div className="field">
        <label htmlFor={`${id}-preset`}>Date range</label>
        <select id={`${id}-preset`} value={presetId} onChange={(e) => choosePreset(e.target.value)}>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value="custom" disabled>
            Custom range
          </option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          max={to || undefined}
          onChange={(e) => setFrom(e.target.value)}
          aria-invalid={problem?.startsWith('start') || undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to}
          min={from || undefined}
          onChange={(e) => setTo(e.target.value)}
          aria-invalid={problem?.startsWith('end') || undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          required
        />
      </div>
      <button type="submit" className="button" disabled={!dirty}>
        Apply
      </button>
      {problem && (
        <FieldError id={`${id}-problem`} text={`${problem[0].toUpperCase() + problem.slice(1)}.`} />
      )}
    </form>
  );
}
