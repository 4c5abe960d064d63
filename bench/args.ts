/** Command-line options of `npm run bench -- …`. */
export interface BenchOptions {
  /** Embedded PGlite instead of PostgreSQL. */
  embedded: boolean;
  /** Teams in the data set (200 × --scale, or --teams). */
  teams: number;
  /** Last day of the 2-year data set, YYYY-MM-DD (default: today, UTC). */
  endDate: string;
  seed: number;
  /** Timed runs per latency figure (after warm-up runs). */
  runs: number;
  loadSeconds: number;
  connections: number;
  /** Admin connection to the machine's PostgreSQL; the bench creates and drops its own database there. */
  adminUrl: string;
  keep: boolean;
  skipBuild: boolean;
  skipLoad: boolean;
  /** Team counts of the growth curve (--growth 50,200,800): overview only, one data set per count. */
  growth: number[] | null;
  /** Name of the result file in bench-results/ (default: derived from mode and date). */
  out: string | null;
  /** NODE_ENV of the server (unset by default, as `npm start` runs it). */
  nodeEnv: string | null;
}

const HELP = `npm run bench -- [options]
  --embedded            embedded PGlite instead of PostgreSQL (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
  --scale F             data set size: 200 × F teams (default 1)
  --teams N             data set size in teams (overrides --scale)
  --end-date YYYY-MM-DD last day of the data set (default today, UTC)
  --seed N              PRNG seed (default 42)
  --runs N              timed runs per latency figure (default 30)
  --load-seconds N      load test duration (default 20)
  --connections N       load test concurrent clients (default 50)
  --skip-build          read dist/client as it is instead of running vite build
  --skip-load           no load test
  --growth 50,200,800   growth curve: overview latency at each team count
  --keep                keep the database (and print its URL)
  --out NAME            result file name in bench-results/
  --node-env VALUE      NODE_ENV of the server (default: unset, as npm start runs it)`;

export function parseArgs(argv: string[]): BenchOptions {
  const opts: BenchOptions = {
    embedded: false,
    teams: 200,
    endDate: new Date().toISOString().slice(0, 10),
    seed: 42,
    runs: 30,
    loadSeconds: 20,
    connections: 50,
    adminUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    keep: false,
    skipBuild: false,
    skipLoad: false,
    growth: null,
    out: null,
    nodeEnv: null,
  };
  let teamsGiven = false;
  let scale = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const number = () => {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return v;
    };
    switch (a) {
      case '--embedded': opts.embedded = true; break;
      case '--scale': scale = number(); break;
      case '--teams': opts.teams = Math.round(number()); teamsGiven = true; break;
      case '--end-date': opts.endDate = value(); break;
      case '--seed': opts.seed = Math.round(number()); break;
      case '--runs': opts.runs = Math.round(number()); break;
      case '--load-seconds': opts.loadSeconds = number(); break;
      case '--connections': opts.connections = Math.round(number()); break;
      case '--skip-build': opts.skipBuild = true; break;
      case '--skip-load': opts.skipLoad = true; break;
      case '--keep': opts.keep = true; break;
      case '--out': opts.out = value(); break;
      case '--node-env': opts.nodeEnv = value(); break;
      case '--growth': opts.growth = value().split(',').map((s) => Math.round(Number(s))).filter((n) => n > 0); break;
      case '--help': case '-h': console.log(HELP); process.exit(0);
      // no fall through: process.exit above does not return (ESLint cannot know)
      // eslint-disable-next-line no-fallthrough
      default: throw new Error(`Unknown option ${a}\n${HELP}`);
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.endDate)) throw new Error('--end-date must be YYYY-MM-DD');
  if (!teamsGiven) opts.teams = Math.max(1, Math.round(200 * scale));
  return opts;
}
