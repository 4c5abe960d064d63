import net from 'node:net';

/** A TCP relay in front of PostgreSQL: closing it is, for the app, the database going away. */
export function relay(target: number) {
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  return {
    port: 0,
    async up(port = 0) {
      server = net.createServer((client) => {
        const upstream = net.connect(target, '127.0.0.1');
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const close = () => { client.destroy(); upstream.destroy(); };
        client.on('error', close).on('close', close);
        upstream.on('error', close).on('close', close);
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
