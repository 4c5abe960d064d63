import net from 'node:net';

/**
 * A TCP relay in front of PostgreSQL: closing it is, for the app, the database going away;
 * a black hole is a network partition (connections accepted, nothing answered, nothing refused)
 * until heal() delivers what was held back.
 */
export function relay(target: number) {
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  const held: net.Socket[] = [];
  let blackHole = false;
  const forward = (client: net.Socket, upstream: net.Socket) => { client.pipe(upstream); upstream.pipe(client); };
  const connect = (client: net.Socket) => {
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    forward(client, upstream);
    const close = () => { client.destroy(); upstream.destroy(); pairs.delete(pair); };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  };
  return {
    port: 0,
    blackHole() {
      blackHole = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream).pause();
        upstream.unpipe(client).pause();
      }
    },
    heal() {
      blackHole = false;
      for (const [client, upstream] of pairs) forward(client, upstream);
      for (const client of held.splice(0)) connect(client);
    },
    async up(port = 0) {
      server = net.createServer((client) => {
        if (!blackHole) return connect(client);
        sockets.add(client);
        client.pause().on('error', () => client.destroy());
        held.push(client);
      });
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', () => r()));
      this.port = (server!.address() as net.AddressInfo).port;
    },
    async down() {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise((r) => server?.close(r));
    },
  };
}
