import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SET_SOURCE_MAPPING, type SourceMapping, type TeamChoice } from '../../graphql/dataOperations';
import { written } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { formatWhen, SOURCE_TEXT } from './dataFormat';
import { mutationMessage, type Mapped } from './UnroutedSignals';
import { ScrollArea } from '../snapshots/ScrollArea';
import { FieldError } from '../../components/FieldError';

/** Every source mapping: which sender key goes to which team. */
export function MappingTable({ mappings }: { mappings: SourceMapping[] }) {
  return (
    <ScrollArea label="Source mappings">
      <table className="table table--compact" data-testid="mappings">
        <caption className="sr-only">Source mappings, by sender then key</caption>
        <thead>
          <tr>
            <th scope="col">Sender</th>
            <th scope="col">Key</th>
            <th scope="col">Team</th>
            <th scope="col">Mapped since</th>
          </tr>
        </thead>
        <tbody>
          {mappings.map((m) => (
            <tr key={`${m.source}|${m.key}`} data-testid={`mapping-${m.source}-${m.key}`}>
              <td>{SOURCE_TEXT[m.source] ?? m.source}</td>
              <th scope="row">
                <code>{m.key}</code>
              </th>
              <td data-testid={`mapping-${m.source}-${m.key}-team`}>
                <Link to={`/teams/${encodeURIComponent(m.team.slug)}`}>{m.team.name}</Link>
              </td>
              <td className="nowrap">
                <time dateTime={m.createdAt}>{formatWhen(m.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

const KEY_HINT: Record<string, string> = {
  pagerduty: 'PagerDuty service id (e.g. PWIXJZS) or team id; a service mapping wins over a team mapping.',
  github: 'Repository full name, owner/repo.',
};

/** Maps a sender key before any of its signals arrive (or re-points one to another team). */
export function AddMappingForm({ teams, onMapped }: { teams: TeamChoice[]; onMapped(m: Mapped): void }) {
  const id = useId();
  const [source, setSource] = useState('pagerduty');
  const [key, setKey] = useState('');
  const [team, setTeam] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!key.trim() || !team) {
      setError(!key.trim() ? 'Enter the sender’s key.' : 'Choose a team.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const setSourceMapping = written((await mutate(SET_SOURCE_MAPPING, { input: { source, key: key.trim(), team } })).setSourceMapping);
      setKey('');
      onMapped({ ...setSourceMapping, label: setSourceMapping.key });
    } catch (err) {
      setError(mutationMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="toolbar data-add" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="data-add__title">
        Add or change a mapping
      </p>
      <div className="field">
        <label htmlFor={`${id}-source`}>Sender</label>
        <select id={`${id}-source`} value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="pagerduty">PagerDuty</option>
          <option value="github">GitHub</option>
        </select>
      </div>
      <div className="field data-add__key">
        <label htmlFor={`${id}-key`}>Key</label>
        <input
          id={`${id}-key`}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          maxLength={200}
          autoComplete="off"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-team`}>Team</label>
        <select id={`${id}-team`} value={team} onChange={(e) => setTeam(e.target.value)} aria-describedby={error ? `${id}-error` : undefined}>
          <option value="">Choose a team…</option>
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : 'Save mapping'}
      </button>
      <p id={`${id}-hint`} className="data-hint data-add__hint">
        {KEY_HINT[source]}
      </p>
      <FieldError id={`${id}-error`} text={error} />
    </form>
  );
}
