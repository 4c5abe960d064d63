import { useId, useState } from 'react';
import type { Bucket } from '../../graphql/operations';

const OPTIONS: { value: Bucket; label: string }[] = [
  { value: 'DAY', label: 'Daily' },
  { value: 'WEEK', label: 'Weekly' },
  { value: 'SPRINT', label: 'Per sprint' },
];

/** Daily, weekly or per-sprint points: a radio group drawn as a segmented control (arrow keys move between). */
export function BucketToggle({ value, onChange }: { value: Bucket; onChange(b: Bucket): void }) {
  const name = useId();
  // The URL (the source of truth) updates a tick later; show the choice at once so the radio never bounces.
  // When the URL's value changes (a click caught up, or back/forward), it wins: adjusted during render,
  // as React advises, rather than in an effect that would first paint the old choice.
  const [shown, setShown] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setShown(value);
  }
  return (
    <fieldset className="segmented">
      <legend className="sr-only">Points per</legend>
      {OPTIONS.map((o) => (
        <label key={o.value} className={`segmented__option${shown === o.value ? ' segmented__option--on' : ''}`}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={shown === o.value}
            onChange={() => {
              setShown(o.value);
              onChange(o.value);
            }}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
