// Serves one database in its own process for the HTTP benchmarks (client and server must not share an event loop):
// `serve-child.ts <analytics.duckdb> <port> [dist] [state.duckdb]`. Prints `listening`.
import { startServer } from '../server/index.ts';

const [db, port, dist, state] = process.argv.slice(2);
const server = await startServer({
  PORT: Number(port),
  HOST: '127.0.0.1',
  HAMKOR_DB: db ?? '',
  HAMKOR_DIST: dist ?? 'dist',
  ...(state ? { HAMKOR_STATE: state } : {}),
  // HAMKOR_WARM=0 times the emerging hot spots cold (bench/emerging.ts).
  ...(process.env.HAMKOR_WARM ? { HAMKOR_WARM: process.env.HAMKOR_WARM !== '0' } : {}),
});
// Measured as a server that has been up a while, as a district's is in the morning: its caches warmed. BENCH_FRESH=1:
// as a server just started, its warm-up still under way.
if (!process.env.BENCH_FRESH) await server.warmed;
console.log('listening');
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
