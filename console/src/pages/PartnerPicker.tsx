/** Picks a partner: hub-wide staff choose from every partner; partner-scoped staff see only their own. */
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorBox, Loading } from '../ui';

const Partners = graphql(`
  query ConsolePartnerPicker {
    partners(first: 200) {
      nodes {
        id
        code
        name
        settlementCurrency
      }
    }
  }
`);

export function PartnerPicker({
  fixed,
  value,
  onChange,
}: {
  fixed?: string;
  value?: string;
  onChange: (id: string) => void;
}) {
  const [{ data, fetching, error }] = useQuery({ query: Partners, pause: !!fixed });
  if (fixed) return null;
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorBox error={error} />;
  return (
    <div className="row card">
      <label>
        Partner
        <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
          <option value="" disabled>
            Choose a partner…
          </option>
          {data?.partners.nodes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.code}, {p.settlementCurrency})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
