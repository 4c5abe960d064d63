import { useId, useState, type FormEvent } from 'react';
import type { NotificationChannelKind, NotificationEvent } from '../../graphql/generated/graphql';
import { written } from '../../graphql/request';
import { mutate } from '../../lib/queryClient';
import { FieldError } from '../../components/FieldError';
import { mutationMessage } from './UnroutedSignals';
import { CREATE_NOTIFICATION_CHANNEL, SUBSCRIBE_NOTIFICATIONS, type GroupOption, type NotificationChannel, type TeamOption } from './notificationOperations';
import { EVENT_LABEL, EVENTS } from './notificationText';

/** Adds a channel; a signed webhook's secret is shown this once, with a copy button. */
export function CreateChannelForm() {
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<NotificationChannelKind>('SLACK');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string | null } | null>(null);
  const [copied, setCopied] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim() || !url.trim()) {
      setError(!name.trim() ? 'Enter a name for the channel, e.g. #ops-alerts.' : 'Enter the URL to post to.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const made = written((await mutate(CREATE_NOTIFICATION_CHANNEL, { input: { name: name.trim(), kind, url: url.trim() } })).createNotificationChannel);
      setCreated({ name: made.channel.name, secret: made.secret ?? null });
      setCopied(false);
      setName('');
      setUrl('');
    } catch (err) {
      setError(mutationMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {created && (
        <div className="notice" role="status" data-testid="channel-created">
          <p>Channel “{created.name}” added. Subscribe it to events below, then send a test.</p>
          {created.secret && (
            <p>
              Its signing secret, for your receiver to check <code>X-Headroom-Signature</code> (not shown again):{' '}
              <code data-testid="channel-secret">{created.secret}</code>{' '}
              <button
                type="button"
                className="button"
                onClick={() => void navigator.clipboard.writeText(created.secret!).then(() => setCopied(true))}
              >
                {copied ? 'Copied' : 'Copy secret'}
              </button>
            </p>
          )}
        </div>
      )}
      <form className="toolbar data-add" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <p id={`${id}-title`} className="data-add__title">
          Add a channel
        </p>
        <div className="field">
          <label htmlFor={`${id}-name`}>Channel name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as NotificationChannelKind)}>
            <option value="SLACK">Slack incoming webhook</option>
            <option value="WEBHOOK">JSON webhook (signed)</option>
          </select>
        </div>
        <div className="field data-add__key">
          <label htmlFor={`${id}-url`}>URL</label>
          <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.slack.com/services/…" autoComplete="off" />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Adding…' : 'Add channel'}
        </button>
        <FieldError text={error} />
      </form>
    </>
  );
}

/** The "For" choice's values: the whole org, `team:<slug>` or `group:<id>`. */
const ORG = '';
const TEAM = 'team:';
const GROUP = 'group:';

/** The subscription input's target for a "For" value. */
function targetOf(value: string): { team: string | null; group: string | null } {
  if (value.startsWith(TEAM)) return { team: value.slice(TEAM.length), group: null };
  if (value.startsWith(GROUP)) return { team: null, group: value.slice(GROUP.length) };
  return { team: null, group: null };
}

/**
 * Subscribes a channel to events of one team, one group or the whole org; again for the same target
 * replaces its events. With `forTeam` the target is that team (the planning page) and not asked.
 */
export function SubscribeForm({ channels, teams, groups = [], forTeam }: { channels: NotificationChannel[]; teams: TeamOption[]; groups?: GroupOption[]; forTeam?: string }) {
  const id = useId();
  const [channel, setChannel] = useState(channels[0]?.id ?? '');
  const [picked, setTarget] = useState(ORG);
  const target = forTeam !== undefined ? TEAM + forTeam : picked;
  const [events, setEvents] = useState<NotificationEvent[]>(['TEAM_STATUS']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = channels.some((c) => c.id === channel) ? channel : (channels[0]?.id ?? '');
  // The digest covers the whole org or a group: not offered for a single team.
  const offered = target.startsWith(TEAM) ? EVENTS.filter((e) => e !== 'WEEKLY_DIGEST') : EVENTS;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const asked = events.filter((x) => offered.includes(x));
    if (asked.length === 0) {
      setError('Choose at least one event.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await mutate(SUBSCRIBE_NOTIFICATIONS, { input: { channel: chosen, ...targetOf(target), events: asked } });
    } catch (err) {
      setError(mutationMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="toolbar data-add" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="data-add__title">
        Subscribe a channel
      </p>
      <div className="field">
        <label htmlFor={`${id}-channel`}>Channel</label>
        <select id={`${id}-channel`} value={chosen} onChange={(e) => setChannel(e.target.value)}>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {forTeam === undefined && (
        <div className="field">
          <label htmlFor={`${id}-target`}>For</label>
          <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value={ORG}>Whole org (every team)</option>
            {groups.length > 0 && (
              <optgroup label="A group (nested groups included)">
                {groups.map((g) => (
                  <option key={g.id} value={GROUP + g.id}>
                    {g.path}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="A team">
              {teams.map((t) => (
                <option key={t.slug} value={TEAM + t.slug}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
      )}
      <fieldset className="field token-scopes">
        <legend>Events</legend>
        {offered.map((ev) => (
          <label key={ev} className="token-scope">
            <input type="checkbox" checked={events.includes(ev)} onChange={(e) => setEvents((cur) => (e.target.checked ? [...cur, ev] : cur.filter((x) => x !== ev)))} />{' '}
            {EVENT_LABEL[ev]}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={busy || !chosen}>
        {busy ? 'Saving…' : 'Subscribe'}
      </button>
      <FieldError text={error} />
    </form>
  );
}
