import { DataPanel } from '../../components/DataPanel';
import { useQuery } from '../../lib/useQuery';
import { NOTIFICATION_CHANNELS, NOTIFICATION_DELIVERIES } from './notificationOperations';
import { NotificationChannelTable } from './NotificationChannels';
import { CreateChannelForm, SubscribeForm } from './NotificationForms';
import { DeliveryLog } from './DeliveryLog';

const NO_VARS = {};
const LOG_VARS = { last: 50 };
/** The log moves while messages are retried: read again this often while shown. */
const LOG_REFRESH_MS = 30_000;

/** Planners of the whole org: where notifications go, what each channel receives, and the delivery log. */
export function NotificationsSection() {
  const channels = useQuery(NOTIFICATION_CHANNELS, NO_VARS);
  const deliveries = useQuery(NOTIFICATION_DELIVERIES, LOG_VARS, { refetchInterval: LOG_REFRESH_MS });
  return (
    <>
      <section className="section" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Notifications</h2>
        <p className="data-intro muted">
          Headroom posts when a team’s status turns WARN or BREACH, when a sprint ends under-reserved, and a weekly digest of the
          whole org or of a group — to a Slack incoming webhook or to a JSON webhook signed with its own secret. Subscribe a channel
          for one team, for a group (its nested groups’ teams included, as they change), or for every team.
        </p>
        <DataPanel
          query={channels}
          what="notification channels"
          minHeight={100}
          isEmpty={(d) => d.notificationChannels.length === 0}
          empty={
            <>
              <p className="state__title">No channels yet</p>
              <p className="state__text">Add one below: a Slack incoming webhook URL, or your own endpoint.</p>
            </>
          }
        >
          {(d) => <NotificationChannelTable channels={d.notificationChannels} teams={d.teams} />}
        </DataPanel>
        <CreateChannelForm />
        {channels.data && channels.data.notificationChannels.length > 0 && <SubscribeForm channels={channels.data.notificationChannels} teams={channels.data.teams} groups={channels.data.groups} />}
      </section>

      <section className="section" aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Notification deliveries</h2>
        <p className="data-intro muted">
          The latest 50 messages. A failed attempt is retried after 1 minute, 5 minutes, 30 minutes, 2 hours and 12 hours, then
          given up.
        </p>
        <DataPanel
          query={deliveries}
          what="notification deliveries"
          minHeight={100}
          isEmpty={(d) => d.notificationDeliveries.length === 0}
          empty={
            <>
              <p className="state__title">Nothing sent yet</p>
              <p className="state__text">Messages appear here when an event happens, or when you send a test.</p>
            </>
          }
        >
          {(d) => <DeliveryLog deliveries={d.notificationDeliveries} />}
        </DataPanel>
      </section>
    </>
  );
}
