import { useEffect, useRef, type RefObject } from 'react';
import type { TeamChoice } from '../../graphql/snapshotOperations';
import { FieldError } from '../../components/FieldError';

/** The teams a snapshot freezes: all of them at once (indeterminate when some), or one by one. */
export function SnapshotTeamPicker({ teams, chosen, onChange, firstRef, errorId, error }: {
  teams: TeamChoice[];
  chosen: Set<string>;
  onChange(next: Set<string>): void;
  /** The first checkbox, focused when the choice is refused. */
  firstRef: RefObject<HTMLInputElement | null>;
  errorId: string;
  error: string | undefined;
}) {
  const allChosen = chosen.size === teams.length;
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = chosen.size > 0 && !allChosen;
  }, [chosen, allChosen]);

  function toggle(slug: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(slug);
    else next.delete(slug);
    onChange(next);
  }

  return (
    <fieldset className="snap-teams" aria-describedby={error ? errorId : undefined}>
      <legend>
        Teams <span className="muted">({chosen.size} of {teams.length})</span>
      </legend>
      <label className="snap-check snap-check--all">
        <input ref={allBox} type="checkbox" checked={allChosen} onChange={(e) => onChange(new Set(e.target.checked ? teams.map((t) => t.slug) : []))} />
        All teams
      </label>
      <ul className="snap-teams__list">
        {teams.map((t, i) => (
          <li key={t.slug}>
            <label className="snap-check">
              <input
                ref={i === 0 ? firstRef : undefined}
                type="checkbox"
                name="teams"
                value={t.slug}
                checked={chosen.has(t.slug)}
                onChange={(e) => toggle(t.slug, e.target.checked)}
              />
              {t.name} <span className="muted">({t.slug})</span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={errorId} text={error} announce={false} />
    </fieldset>
  );
}
