import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './http/requestId';

/** Every line written while a request is handled carries its id (`reqId`), whoever logs it. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'headroom' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      mixin: () => {
        const reqId = currentRequestId();
        return reqId ? { reqId } : {};
      },
    },
    destination,
  );
}
