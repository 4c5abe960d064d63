import { useState } from 'react';
import { mutate } from '../../lib/queryClient';
import { written } from '../../graphql/request';
import { FieldError } from '../../components/FieldError';
import { ScrollArea } from '../snapshots/ScrollArea';
import { mutationMessage } from './UnroutedSignals';
import { DELETE_NOTIFICATION_CHANNEL, SEND_TEST_NOTIFICATION, UNSUBSCRIBE_NOTIFICATIONS, UPDATE_NOTIFICATION_CHANNEL, type NotificationChannel, type TeamOption } from './notificationOperations';
import { EVENT_LABEL, STATE_LABEL, targetText } from './notificationText';

/** Every channel with what it receives, and its actions: send a test, enable or disable, delete; remove a subscription. */
export function NotificationChannelTable({ channels, teams }: { channels: NotificationChannel[]; teams: TeamOption[] }) {
  const [error, setError] = useState<string | null>(null);
  const [tested, setTested] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    setTested(null);
    try {
      await action();
    } catch (err) {
      setError(mutationMessage(err));
    }
  }
  const test = (c: NotificationChannel) =>
    run(async () => {
      const d = written((await mutate(SEND_TEST_NOTIFICATION, { channel: c.id })).sendTestNotification);
      setTested(`Test message to “${c.name}”: ${STATE_LABEL[d.state]}${d.lastError ? ` (${d.lastError})` : ''}.`);
    });
  const toggle = (c: NotificationChannel) => run(() => mutate(UPDATE_NOTIFICATION_CHANNEL, { id: c.id, input: { enabled: !c.enabled } }));
  const remove = (c: NotificationChannel) => {
    if (window.confirm(`Delete the channel “${c.name}” and its subscriptions? Messages not yet delivered are marked failed.`)) void run(() => mutate(DELETE_NOTIFICATION_CHANNEL, { id: c.id }));
  };
  const unsubscribe = (id: string) => run(() => mutate(UNSUBSCRIBE_NOTIFICATIONS, { id }));

  return (
    <>
      {tested && (
        <p className="notice" role="status" data-testid="notification-tested">
          {tested}
        </p>
      )}
      <FieldError text={error} />
      <ScrollArea label="Notification channels">
        <table className="table table--compact notification-table" data-testid="notification-channels">
          <caption className="sr-only">Notification channels by name</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Posts to</th>
              <th scope="col">Receives</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr key={c.id} data-testid={`channel-${c.name}`}>
                <th scope="row">
                  {c.name}
                  <span className="data-hint">{c.kind === 'SLACK' ? 'Slack webhook' : 'JSON webhook, signed'}</span>
                </th>
                <td>
                  <code>{c.target}</code>
                </td>
                <td>
                  {c.subscriptions.length === 0 ? (
                    <span className="muted">nothing yet: subscribe it below</span>
                  ) : (
                    <ul className="notification-subs">
                      {c.subscriptions.map((s) => (
                        <li key={s.id}>
                          <strong>{targetText(s, teams)}</strong>: {s.events.map((e) => EVENT_LABEL[e]).join(', ')}{' '}
                          <button type="button" className="notification-remove" onClick={() => void unsubscribe(s.id)} aria-label={`Remove ${c.name} for ${targetText(s, teams)}`}>
                            Remove
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{c.enabled ? 'enabled' : 'disabled'}</td>
                <td className="notification-actions">
                  <button type="button" className="button" onClick={() => void test(c)} disabled={!c.enabled} aria-label={`Send test to ${c.name}`}>
                    Send test
                  </button>
                  <button type="button" className="button" onClick={() => void toggle(c)} aria-label={`${c.enabled ? 'Disable' : 'Enable'} ${c.name}`}>
                    {c.enabled ? 'Disable' : 'Enable'}
                  </button>
                  <button type="button" className="button" onClick={() => remove(c)} aria-label={`Delete ${c.name}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </>
  );
}
