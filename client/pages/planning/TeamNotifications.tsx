import { Link } from 'react-router';
import { useQuery } from '../../lib/useQuery';
import { NOTIFICATION_CHANNELS, type NotificationSubscription } from '../data/notificationOperations';
import { SubscribeForm } from '../data/NotificationForms';
import { EVENT_LABEL } from '../data/notificationText';
// The subscribe form's layout lives with the Data page's forms.
import '../data/data.css';

const NO_VARS = {};

/**
 * Where a team's notifications go, and subscribing a channel for it. Channels are added on the Data
 * page; until the org has one, this section is not shown (there is nothing to choose from).
 */
export function TeamNotifications({ team, teamName }: { team: string; teamName: string }) {
  const q = useQuery(NOTIFICATION_CHANNELS, NO_VARS);
  const channels = q.data?.notificationChannels ?? [];
  if (channels.length === 0) return null;
  // The team's own subscriptions, the org-wide ones and those of the groups it sits in (nested too).
  const reaches = (s: NotificationSubscription) => s.team === team || (s.group ? s.group.allTeams.some((t) => t.slug === team) : s.team === null);
  const receiving = channels.flatMap((c) => c.subscriptions.filter(reaches).map((s) => ({ channel: c, sub: s })));
  return (
    <section className="section" aria-labelledby="team-notifications-heading" data-testid="team-notifications">
      <h2 id="team-notifications-heading">Notifications</h2>
      <p className="data-intro muted">
        Where {teamName}’s alerts go. Channels, the whole org’s subscriptions and the delivery log are on the <Link to="/data">Data page</Link>.
      </p>
      {receiving.length === 0 ? (
        <p>No channel receives {teamName}’s events yet.</p>
      ) : (
        <ul className="team-notifications">
          {receiving.map(({ channel, sub }) => (
            <li key={sub.id}>
              <strong>{channel.name}</strong>
              {sub.group ? ` (group ${sub.group.path})` : sub.team === null ? ' (whole org)' : ''}: {sub.events.filter((e) => e !== 'WEEKLY_DIGEST').map((e) => EVENT_LABEL[e]).join(', ') || 'the weekly digest only'}
              {channel.enabled ? '' : ' — disabled'}
            </li>
          ))}
        </ul>
      )}
      <SubscribeForm channels={channels} teams={[]} forTeam={team} />
    </section>
  );
}
