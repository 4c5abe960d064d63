import { ScrollArea } from '../snapshots/ScrollArea';
import { formatWhen } from './dataFormat';
import type { NotificationDelivery } from './notificationOperations';
import { STATE_LABEL } from './notificationText';

/** The latest notifications, newest first: where each went, what it said, and how its delivery went. */
export function DeliveryLog({ deliveries }: { deliveries: NotificationDelivery[] }) {
  return (
    <ScrollArea label="Notification deliveries">
      <table className="table table--compact notification-table" data-testid="notification-deliveries">
        <caption className="sr-only">Notification deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Written</th>
            <th scope="col">Channel</th>
            <th scope="col">Message</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Attempts
            </th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} data-testid={`delivery-${d.id}`}>
              <td className="nowrap">{formatWhen(d.createdAt)}</td>
              <td>{d.channel}</td>
              <td>
                {d.summary}
                <span className="data-hint">
                  {d.event}
                  {d.team ? ` · ${d.team}` : ''}
                </span>
              </td>
              <td data-testid={`delivery-${d.id}-state`}>
                {STATE_LABEL[d.state]}
                {d.state === 'DELIVERED' && d.deliveredAt && <span className="data-hint">{formatWhen(d.deliveredAt)}</span>}
                {d.nextAttemptAt && d.state === 'RETRYING' && <span className="data-hint">next try {formatWhen(d.nextAttemptAt)}</span>}
              </td>
              <td className="num">{d.attempts}</td>
              <td>{d.lastError ?? <span className="muted">none</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
