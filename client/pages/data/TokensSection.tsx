import { DataPanel } from '../../components/DataPanel';
import { useQuery } from '../../lib/useQuery';
import { TOKENS } from './tokenOperations';
import { CreateTokenForm, TokenTable } from './Tokens';

const NO_VARS = {};

/** Admins only: the tokens that reach this server, their last use, and creating or revoking one. */
export function TokensSection() {
  const tokens = useQuery(TOKENS, NO_VARS);
  return (
    <section className="section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Tokens</h2>
      <p className="data-intro muted">
        Scripts, CSV uploads and people signing in use a token (webhooks use their signing secret instead). Give each user a token of its own, with the
        fewest scopes it needs, so revoking one stops only that user.
      </p>
      <CreateTokenForm groups={tokens.data?.groups ?? []} />
      <DataPanel query={tokens} what="tokens" minHeight={120} isEmpty={(d) => d.tokens.length === 0} empty={<p className="state__title">No tokens</p>}>
        {(d) => <TokenTable tokens={d.tokens} />}
      </DataPanel>
    </section>
  );
}
