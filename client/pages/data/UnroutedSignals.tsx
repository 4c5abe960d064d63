import { useId, useState, type FormEvent } from 'react';
import { SET_SOURCE_MAPPING, type TeamChoice, type UnroutedSignal } from '../../graphql/dataOperations';
import { GraphQLRequestError, written } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { formatCount } from '../../lib/format';
import { formatWhen, SOURCE_TEXT, sourceKeyText } from './dataFormat';
import { ScrollArea } from '../snapshots/ScrollArea';

export interface Mapped {
  source: string;
  key: string;
  label: string;
  team: { slug: string; name: string };
  attributed: number;
}

/** The message of a failed mutation, with its code (FORBIDDEN for a token without the plan scope). */
export function mutationMessage(e: unknown): string {
  if (e instanceof GraphQLRequestError) {
    const detail = e.records.length ? ` ${e.records.map((r) => `${r.field}: ${r.message}`).join('; ')}.` : '';
    return `${e.message}${detail}${e.code ? ` (${e.code})` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Signals whose sender key has no team yet, each with a form to map it; mapping attributes them
 * to the team (their hours and days recomputed in its time zone) and the row leaves the list.
 */
export function UnroutedTable({ signals, teams, onMapped }: { signals: UnroutedSignal[]; teams: TeamChoice[]; onMapped(m: Mapped): void }) {
  return (
    <ScrollArea label="Unrouted signals">
      <table className="table data-unrouted" data-testid="unrouted">
        <caption className="sr-only">Signals waiting for a team, most recent first</caption>
        <thead>
          <tr>
            <th scope="col">Sender key</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Waiting
            </th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
            <th scope="col">Map to team</th>
          </tr>
        </thead>
        <tbody>
          {signals.map((s) => (
            <UnroutedRow key={`${s.source}|${s.key}|${s.kind}`} signal={s} teams={teams} onMapped={onMapped} />
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

function UnroutedRow({ signal, teams, onMapped }: { signal: UnroutedSignal; teams: TeamChoice[]; onMapped(m: Mapped): void }) {
  const id = useId();
  const [team, setTeam] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const testKey = `${signal.source}-${signal.key}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!team) {
      setError('Choose the team these signals belong to.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const setSourceMapping = written((await mutate(SET_SOURCE_MAPPING, { input: { source: signal.source, key: signal.key, team } })).setSourceMapping);
      onMapped({ ...setSourceMapping, label: signal.label });
    } catch (err) {
      setError(mutationMessage(err));
      setBusy(false);
    }
  }

  const noun = signal.kind === 'PAGE' ? (signal.count === 1 ? 'page' : 'pages') : signal.count === 1 ? 'deploy' : 'deploys';
  return (
    <tr data-testid={`unrouted-${testKey}`}>
      <th scope="row">
        <span className="data-key">{signal.label}</span>
        <span className="team-meta">
          {SOURCE_TEXT[signal.source] ?? signal.source} · <code>{signal.key}</code>
        </span>
      </th>
      <td>{signal.kind === 'PAGE' ? 'Pages' : 'Deploys'}</td>
      <td className="num" data-testid={`unrouted-${testKey}-count`}>
        {formatCount(signal.count)}
      </td>
      <td className="nowrap">
        <time dateTime={signal.firstSeen}>{formatWhen(signal.firstSeen)}</time>
      </td>
      <td className="nowrap">
        <time dateTime={signal.lastSeen}>{formatWhen(signal.lastSeen)}</time>
      </td>
      <td>
        <form className="data-map" onSubmit={submit} noValidate>
          <label htmlFor={`${id}-team`} className="sr-only">
            Team for {sourceKeyText(signal.source, signal.key)} ({signal.label}, {formatCount(signal.count)} {noun})
          </label>
          <select
            id={`${id}-team`}
            value={team}
            onChange={(e) => setTeam(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            disabled={busy || teams.length === 0}
          >
            <option value="">{teams.length ? 'Choose a team…' : 'No teams yet'}</option>
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button data-map__button" disabled={busy || teams.length === 0}>
            {busy ? 'Mapping…' : 'Map'}
            <span className="sr-only"> {signal.label}</span>
          </button>
          {error && (
            <p id={`${id}-error`} className="field-error data-map__error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          )}
        </form>
      </td>
    </tr>
  );
}
