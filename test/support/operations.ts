/** GraphQL operations the test helpers themselves use (typed by codegen). */
import { graphql } from '../generated/index.js';

export const CreatePartner = graphql(`
  mutation CreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      id
      code
      name
      status
      settlementCurrency
    }
  }
`);

export const CreatePartnerCredentials = graphql(`
  mutation CreatePartnerCredentials($input: CreatePartnerCredentialsInput!) {
    createPartnerCredentials(input: $input) {
      clientId
      clientSecret
      partnerId
      scopes
      tokenEndpoint
    }
  }
`);

export const EnrollMember = graphql(`
  mutation EnrollMember($input: EnrollMemberInput!) {
    enrollMember(input: $input) {
      id
      createdAt
      partnerLink {
        partnerId
        customerId
      }
    }
  }
`);
