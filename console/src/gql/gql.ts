/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleFlows($from: DateTime!, $to: DateTime!) {\n    interPartnerFlows(from: $from, to: $to) {\n      issuerPartnerId\n      redeemerPartnerId\n      points\n      issuerFiat\n      issuerCurrency\n      redeemerFiat\n      redeemerCurrency\n    }\n  }\n": typeof types.ConsoleFlowsDocument,
    "\n  query ConsoleFlowPartnerNames {\n    partners(first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ConsoleFlowPartnerNamesDocument,
    "\n  query ConsoleStatementLines($partnerId: ID!) {\n    settlementStatements(partnerId: $partnerId) {\n      periodStart\n      lines {\n        kind\n        points\n      }\n    }\n  }\n": typeof types.ConsoleStatementLinesDocument,
    "\n  query ConsoleMe {\n    me {\n      id\n      erasedAt\n      profile {\n        displayName\n        email\n      }\n      tier {\n        name\n        qualifyingPoints\n        nextTier\n        pointsToNextTier\n      }\n      links {\n        partnerId\n        customerId\n        linkedAt\n      }\n      balances {\n        currency\n        available\n        held\n      }\n      consents {\n        partnerId\n        scope\n        granted\n        at\n      }\n    }\n  }\n": typeof types.ConsoleMeDocument,
    "\n  query ConsoleMyHistory($after: String) {\n    me {\n      id\n      transactions(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          currency\n          walletDelta\n          partnerId\n          orderRef\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ConsoleMyHistoryDocument,
    "\n  mutation ConsoleSetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      partnerId\n      scope\n      granted\n      at\n    }\n  }\n": typeof types.ConsoleSetConsentDocument,
    "\n  query ConsoleExportMyData {\n    exportMyData\n  }\n": typeof types.ConsoleExportMyDataDocument,
    "\n  mutation ConsoleEraseMyData {\n    eraseMyData {\n      id\n      erasedAt\n    }\n  }\n": typeof types.ConsoleEraseMyDataDocument,
    "\n  query ConsoleRewardCatalog {\n    rewardCatalog(first: 50, sort: PRICE_ASC) {\n      nodes {\n        reward {\n          id\n          title\n          kind\n          currency\n          price\n        }\n        eligible\n        ineligibleReason\n        inStock\n        pointsNeeded\n        redeemable\n      }\n    }\n  }\n": typeof types.ConsoleRewardCatalogDocument,
    "\n  query ConsoleMyRewardRedemptions {\n    myRewardRedemptions(first: 20) {\n      nodes {\n        id\n        status\n        price\n        currency\n        code\n        createdAt\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.ConsoleMyRewardRedemptionsDocument,
    "\n  mutation ConsoleRedeemReward($input: RedeemRewardInput!) {\n    redeemReward(input: $input) {\n      replayed\n      redemption {\n        id\n        status\n        code\n      }\n    }\n  }\n": typeof types.ConsoleRedeemRewardDocument,
    "\n  query ConsolePartnerPicker {\n    partners(first: 200) {\n      nodes {\n        id\n        code\n        name\n        settlementCurrency\n      }\n    }\n  }\n": typeof types.ConsolePartnerPickerDocument,
    "\n  query ConsoleReconciliations($partnerId: ID!) {\n    settlementReconciliations(partnerId: $partnerId) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n": typeof types.ConsoleReconciliationsDocument,
    "\n  query ConsoleStatement($partnerId: ID!, $at: DateTime!) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      id\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      lines {\n        kind\n        transfers\n        points\n        amount\n      }\n      dueToHub\n      dueToPartner\n      netExact\n      net\n      rounding\n      transferCount\n      digest\n      closedAt\n      paidAt\n      paymentReference\n    }\n  }\n": typeof types.ConsoleStatementDocument,
    "\n  mutation ConsoleClosePeriod($input: StatementRefInput!) {\n    closeSettlementPeriod(input: $input) {\n      id\n      status\n      closedAt\n    }\n  }\n": typeof types.ConsoleClosePeriodDocument,
    "\n  mutation ConsoleMarkPaid($input: StatementRefInput!, $paymentReference: String!) {\n    markStatementPaid(input: $input, paymentReference: $paymentReference) {\n      id\n      status\n      paidAt\n      paymentReference\n    }\n  }\n": typeof types.ConsoleMarkPaidDocument,
    "\n  mutation ConsoleReconcilePeriod($input: StatementRefInput!) {\n    reconcileSettlementPeriod(input: $input) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n": typeof types.ConsoleReconcilePeriodDocument,
    "\n  query ConsoleDraftStatement($partnerId: ID!) {\n    settlementStatement(partnerId: $partnerId) {\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n    }\n  }\n": typeof types.ConsoleDraftStatementDocument,
    "\n  query ConsolePreviousStatement($partnerId: ID!, $at: DateTime!) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n    }\n  }\n": typeof types.ConsolePreviousStatementDocument,
    "\n  query ConsoleClosedStatements($partnerId: ID!, $before: DateTime) {\n    settlementStatements(partnerId: $partnerId, before: $before) {\n      id\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n      paidAt\n    }\n  }\n": typeof types.ConsoleClosedStatementsDocument,
    "\n  query ConsoleCurrencies {\n    currencies {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n    }\n  }\n": typeof types.ConsoleCurrenciesDocument,
    "\n  query ConsoleRates($currency: String!) {\n    exchangeRates(currency: $currency) {\n      id\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n    }\n  }\n": typeof types.ConsoleRatesDocument,
    "\n  mutation ConsoleSetRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      id\n    }\n  }\n": typeof types.ConsoleSetRateDocument,
    "\n  query ConsoleInvariants {\n    ledgerInvariants {\n      ok\n      mode\n      transfersChecked\n      accountsChecked\n      checkedAt\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n": typeof types.ConsoleInvariantsDocument,
    "\n  mutation ConsoleStartInvariantJob {\n    startInvariantCheckJob {\n      id\n    }\n  }\n": typeof types.ConsoleStartInvariantJobDocument,
    "\n  query ConsoleInvariantJob($id: ID!) {\n    invariantCheckJob(id: $id) {\n      id\n      state\n      processed\n      total\n      violationCount\n      violations {\n        invariant\n        subject\n        detail\n      }\n      finishedAt\n    }\n  }\n": typeof types.ConsoleInvariantJobDocument,
    "\n  query ConsolePartner($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n      createdAt\n    }\n    partnerContracts(partnerId: $id) {\n      id\n      version\n      effectiveFrom\n      settlementCurrency\n      issuePrice\n      redemptionPrice\n      billingMode\n      creditLimit\n      period\n      periodSeconds\n    }\n  }\n": typeof types.ConsolePartnerDocument,
    "\n  mutation ConsoleCreateCredentials($input: CreatePartnerCredentialsInput!) {\n    createPartnerCredentials(input: $input) {\n      clientId\n      clientSecret\n      scopes\n      tokenEndpoint\n    }\n  }\n": typeof types.ConsoleCreateCredentialsDocument,
    "\n  mutation ConsoleRevokeCredentials($clientId: String!) {\n    revokePartnerCredentials(clientId: $clientId)\n  }\n": typeof types.ConsoleRevokeCredentialsDocument,
    "\n  mutation ConsoleSetContract($input: SetPartnerContractInput!) {\n    setPartnerContract(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.ConsoleSetContractDocument,
    "\n  query ConsolePartners($after: String) {\n    partners(first: 25, after: $after) {\n      nodes {\n        id\n        code\n        name\n        status\n        settlementCurrency\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConsolePartnersDocument,
    "\n  mutation ConsoleCreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      id\n      code\n    }\n  }\n": typeof types.ConsoleCreatePartnerDocument,
    "\n  mutation ConsoleUpdatePartnerStatus($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleUpdatePartnerStatusDocument,
    "\n  query ConsoleMembersByEmail($email: String!) {\n    membersByEmail(email: $email) {\n      id\n      profile {\n        displayName\n        email\n      }\n      partnerLink {\n        customerId\n      }\n    }\n  }\n": typeof types.ConsoleMembersByEmailDocument,
    "\n  query ConsolePartnerMember($customerId: String!, $after: String) {\n    member(ref: { customerId: $customerId }) {\n      id\n      profile {\n        displayName\n        email\n        phone\n        visibleScopes\n      }\n      tier {\n        name\n      }\n      partnerLink {\n        customerId\n        linkedAt\n      }\n      balances {\n        currency\n        available\n        held\n      }\n      transactions(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          currency\n          amount\n          walletDelta\n          orderRef\n          createdAt\n          hold {\n            id\n            status\n            amount\n            expiresAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ConsolePartnerMemberDocument,
    "\n  mutation ConsoleVoidHold($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      replayed\n      transfer {\n        id\n        hold {\n          id\n          status\n        }\n      }\n    }\n  }\n": typeof types.ConsoleVoidHoldDocument,
    "\n  mutation ConsoleReverseTransfer($input: ReverseTransferInput!) {\n    reverseTransfer(input: $input) {\n      replayed\n    }\n  }\n": typeof types.ConsoleReverseTransferDocument,
    "\n  query ConsolePartnerRewards {\n    rewards(first: 100) {\n      nodes {\n        id\n        title\n        kind\n        status\n        currency\n        price\n        stock\n        codePool {\n          free\n          total\n          low\n        }\n      }\n    }\n  }\n": typeof types.ConsolePartnerRewardsDocument,
    "\n  query ConsolePendingRedemptions {\n    rewardRedemptions(status: PENDING, first: 100) {\n      nodes {\n        id\n        memberId\n        price\n        currency\n        createdAt\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.ConsolePendingRedemptionsDocument,
    "\n  mutation ConsoleFulfilRedemption($input: ResolveRewardRedemptionInput!) {\n    fulfilRewardRedemption(input: $input) {\n      redemption {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ConsoleFulfilRedemptionDocument,
    "\n  mutation ConsoleCancelRedemption($input: ResolveRewardRedemptionInput!) {\n    cancelRewardRedemption(input: $input) {\n      redemption {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ConsoleCancelRedemptionDocument,
    "\n  query ConsoleWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      previousSecretUntil\n    }\n  }\n": typeof types.ConsoleWebhookEndpointsDocument,
    "\n  mutation ConsoleCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n": typeof types.ConsoleCreateWebhookEndpointDocument,
    "\n  mutation ConsoleSetWebhookEnabled($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      enabled\n    }\n  }\n": typeof types.ConsoleSetWebhookEnabledDocument,
    "\n  mutation ConsoleRotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n        previousSecretUntil\n      }\n    }\n  }\n": typeof types.ConsoleRotateWebhookSecretDocument,
    "\n  query ConsoleWebhookDeliveries($endpointId: ID!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: 20, after: $after) {\n      nodes {\n        id\n        eventType\n        eventId\n        status\n        attempts\n        lastStatusCode\n        lastError\n        createdAt\n        nextAttemptAt\n        attemptLog {\n          latencyMs\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConsoleWebhookDeliveriesDocument,
    "\n  mutation ConsoleReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ConsoleReplayWebhookDeliveryDocument,
};
const documents: Documents = {
    "\n  query ConsoleFlows($from: DateTime!, $to: DateTime!) {\n    interPartnerFlows(from: $from, to: $to) {\n      issuerPartnerId\n      redeemerPartnerId\n      points\n      issuerFiat\n      issuerCurrency\n      redeemerFiat\n      redeemerCurrency\n    }\n  }\n": types.ConsoleFlowsDocument,
    "\n  query ConsoleFlowPartnerNames {\n    partners(first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.ConsoleFlowPartnerNamesDocument,
    "\n  query ConsoleStatementLines($partnerId: ID!) {\n    settlementStatements(partnerId: $partnerId) {\n      periodStart\n      lines {\n        kind\n        points\n      }\n    }\n  }\n": types.ConsoleStatementLinesDocument,
    "\n  query ConsoleMe {\n    me {\n      id\n      erasedAt\n      profile {\n        displayName\n        email\n      }\n      tier {\n        name\n        qualifyingPoints\n        nextTier\n        pointsToNextTier\n      }\n      links {\n        partnerId\n        customerId\n        linkedAt\n      }\n      balances {\n        currency\n        available\n        held\n      }\n      consents {\n        partnerId\n        scope\n        granted\n        at\n      }\n    }\n  }\n": types.ConsoleMeDocument,
    "\n  query ConsoleMyHistory($after: String) {\n    me {\n      id\n      transactions(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          currency\n          walletDelta\n          partnerId\n          orderRef\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ConsoleMyHistoryDocument,
    "\n  mutation ConsoleSetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      partnerId\n      scope\n      granted\n      at\n    }\n  }\n": types.ConsoleSetConsentDocument,
    "\n  query ConsoleExportMyData {\n    exportMyData\n  }\n": types.ConsoleExportMyDataDocument,
    "\n  mutation ConsoleEraseMyData {\n    eraseMyData {\n      id\n      erasedAt\n    }\n  }\n": types.ConsoleEraseMyDataDocument,
    "\n  query ConsoleRewardCatalog {\n    rewardCatalog(first: 50, sort: PRICE_ASC) {\n      nodes {\n        reward {\n          id\n          title\n          kind\n          currency\n          price\n        }\n        eligible\n        ineligibleReason\n        inStock\n        pointsNeeded\n        redeemable\n      }\n    }\n  }\n": types.ConsoleRewardCatalogDocument,
    "\n  query ConsoleMyRewardRedemptions {\n    myRewardRedemptions(first: 20) {\n      nodes {\n        id\n        status\n        price\n        currency\n        code\n        createdAt\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.ConsoleMyRewardRedemptionsDocument,
    "\n  mutation ConsoleRedeemReward($input: RedeemRewardInput!) {\n    redeemReward(input: $input) {\n      replayed\n      redemption {\n        id\n        status\n        code\n      }\n    }\n  }\n": types.ConsoleRedeemRewardDocument,
    "\n  query ConsolePartnerPicker {\n    partners(first: 200) {\n      nodes {\n        id\n        code\n        name\n        settlementCurrency\n      }\n    }\n  }\n": types.ConsolePartnerPickerDocument,
    "\n  query ConsoleReconciliations($partnerId: ID!) {\n    settlementReconciliations(partnerId: $partnerId) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n": types.ConsoleReconciliationsDocument,
    "\n  query ConsoleStatement($partnerId: ID!, $at: DateTime!) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      id\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      lines {\n        kind\n        transfers\n        points\n        amount\n      }\n      dueToHub\n      dueToPartner\n      netExact\n      net\n      rounding\n      transferCount\n      digest\n      closedAt\n      paidAt\n      paymentReference\n    }\n  }\n": types.ConsoleStatementDocument,
    "\n  mutation ConsoleClosePeriod($input: StatementRefInput!) {\n    closeSettlementPeriod(input: $input) {\n      id\n      status\n      closedAt\n    }\n  }\n": types.ConsoleClosePeriodDocument,
    "\n  mutation ConsoleMarkPaid($input: StatementRefInput!, $paymentReference: String!) {\n    markStatementPaid(input: $input, paymentReference: $paymentReference) {\n      id\n      status\n      paidAt\n      paymentReference\n    }\n  }\n": types.ConsoleMarkPaidDocument,
    "\n  mutation ConsoleReconcilePeriod($input: StatementRefInput!) {\n    reconcileSettlementPeriod(input: $input) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n": types.ConsoleReconcilePeriodDocument,
    "\n  query ConsoleDraftStatement($partnerId: ID!) {\n    settlementStatement(partnerId: $partnerId) {\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n    }\n  }\n": types.ConsoleDraftStatementDocument,
    "\n  query ConsolePreviousStatement($partnerId: ID!, $at: DateTime!) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n    }\n  }\n": types.ConsolePreviousStatementDocument,
    "\n  query ConsoleClosedStatements($partnerId: ID!, $before: DateTime) {\n    settlementStatements(partnerId: $partnerId, before: $before) {\n      id\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n      paidAt\n    }\n  }\n": types.ConsoleClosedStatementsDocument,
    "\n  query ConsoleCurrencies {\n    currencies {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n    }\n  }\n": types.ConsoleCurrenciesDocument,
    "\n  query ConsoleRates($currency: String!) {\n    exchangeRates(currency: $currency) {\n      id\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n    }\n  }\n": types.ConsoleRatesDocument,
    "\n  mutation ConsoleSetRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      id\n    }\n  }\n": types.ConsoleSetRateDocument,
    "\n  query ConsoleInvariants {\n    ledgerInvariants {\n      ok\n      mode\n      transfersChecked\n      accountsChecked\n      checkedAt\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n": types.ConsoleInvariantsDocument,
    "\n  mutation ConsoleStartInvariantJob {\n    startInvariantCheckJob {\n      id\n    }\n  }\n": types.ConsoleStartInvariantJobDocument,
    "\n  query ConsoleInvariantJob($id: ID!) {\n    invariantCheckJob(id: $id) {\n      id\n      state\n      processed\n      total\n      violationCount\n      violations {\n        invariant\n        subject\n        detail\n      }\n      finishedAt\n    }\n  }\n": types.ConsoleInvariantJobDocument,
    "\n  query ConsolePartner($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n      createdAt\n    }\n    partnerContracts(partnerId: $id) {\n      id\n      version\n      effectiveFrom\n      settlementCurrency\n      issuePrice\n      redemptionPrice\n      billingMode\n      creditLimit\n      period\n      periodSeconds\n    }\n  }\n": types.ConsolePartnerDocument,
    "\n  mutation ConsoleCreateCredentials($input: CreatePartnerCredentialsInput!) {\n    createPartnerCredentials(input: $input) {\n      clientId\n      clientSecret\n      scopes\n      tokenEndpoint\n    }\n  }\n": types.ConsoleCreateCredentialsDocument,
    "\n  mutation ConsoleRevokeCredentials($clientId: String!) {\n    revokePartnerCredentials(clientId: $clientId)\n  }\n": types.ConsoleRevokeCredentialsDocument,
    "\n  mutation ConsoleSetContract($input: SetPartnerContractInput!) {\n    setPartnerContract(input: $input) {\n      id\n      version\n    }\n  }\n": types.ConsoleSetContractDocument,
    "\n  query ConsolePartners($after: String) {\n    partners(first: 25, after: $after) {\n      nodes {\n        id\n        code\n        name\n        status\n        settlementCurrency\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConsolePartnersDocument,
    "\n  mutation ConsoleCreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      id\n      code\n    }\n  }\n": types.ConsoleCreatePartnerDocument,
    "\n  mutation ConsoleUpdatePartnerStatus($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      id\n      status\n    }\n  }\n": types.ConsoleUpdatePartnerStatusDocument,
    "\n  query ConsoleMembersByEmail($email: String!) {\n    membersByEmail(email: $email) {\n      id\n      profile {\n        displayName\n        email\n      }\n      partnerLink {\n        customerId\n      }\n    }\n  }\n": types.ConsoleMembersByEmailDocument,
    "\n  query ConsolePartnerMember($customerId: String!, $after: String) {\n    member(ref: { customerId: $customerId }) {\n      id\n      profile {\n        displayName\n        email\n        phone\n        visibleScopes\n      }\n      tier {\n        name\n      }\n      partnerLink {\n        customerId\n        linkedAt\n      }\n      balances {\n        currency\n        available\n        held\n      }\n      transactions(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          currency\n          amount\n          walletDelta\n          orderRef\n          createdAt\n          hold {\n            id\n            status\n            amount\n            expiresAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ConsolePartnerMemberDocument,
    "\n  mutation ConsoleVoidHold($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      replayed\n      transfer {\n        id\n        hold {\n          id\n          status\n        }\n      }\n    }\n  }\n": types.ConsoleVoidHoldDocument,
    "\n  mutation ConsoleReverseTransfer($input: ReverseTransferInput!) {\n    reverseTransfer(input: $input) {\n      replayed\n    }\n  }\n": types.ConsoleReverseTransferDocument,
    "\n  query ConsolePartnerRewards {\n    rewards(first: 100) {\n      nodes {\n        id\n        title\n        kind\n        status\n        currency\n        price\n        stock\n        codePool {\n          free\n          total\n          low\n        }\n      }\n    }\n  }\n": types.ConsolePartnerRewardsDocument,
    "\n  query ConsolePendingRedemptions {\n    rewardRedemptions(status: PENDING, first: 100) {\n      nodes {\n        id\n        memberId\n        price\n        currency\n        createdAt\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.ConsolePendingRedemptionsDocument,
    "\n  mutation ConsoleFulfilRedemption($input: ResolveRewardRedemptionInput!) {\n    fulfilRewardRedemption(input: $input) {\n      redemption {\n        id\n        status\n      }\n    }\n  }\n": types.ConsoleFulfilRedemptionDocument,
    "\n  mutation ConsoleCancelRedemption($input: ResolveRewardRedemptionInput!) {\n    cancelRewardRedemption(input: $input) {\n      redemption {\n        id\n        status\n      }\n    }\n  }\n": types.ConsoleCancelRedemptionDocument,
    "\n  query ConsoleWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      previousSecretUntil\n    }\n  }\n": types.ConsoleWebhookEndpointsDocument,
    "\n  mutation ConsoleCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n": types.ConsoleCreateWebhookEndpointDocument,
    "\n  mutation ConsoleSetWebhookEnabled($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      enabled\n    }\n  }\n": types.ConsoleSetWebhookEnabledDocument,
    "\n  mutation ConsoleRotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n        previousSecretUntil\n      }\n    }\n  }\n": types.ConsoleRotateWebhookSecretDocument,
    "\n  query ConsoleWebhookDeliveries($endpointId: ID!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: 20, after: $after) {\n      nodes {\n        id\n        eventType\n        eventId\n        status\n        attempts\n        lastStatusCode\n        lastError\n        createdAt\n        nextAttemptAt\n        attemptLog {\n          latencyMs\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConsoleWebhookDeliveriesDocument,
    "\n  mutation ConsoleReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": types.ConsoleReplayWebhookDeliveryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleFlows($from: DateTime!, $to: DateTime!) {\n    interPartnerFlows(from: $from, to: $to) {\n      issuerPartnerId\n      redeemerPartnerId\n      points\n      issuerFiat\n      issuerCurrency\n      redeemerFiat\n      redeemerCurrency\n    }\n  }\n"): (typeof documents)["\n  query ConsoleFlows($from: DateTime!, $to: DateTime!) {\n    interPartnerFlows(from: $from, to: $to) {\n      issuerPartnerId\n      redeemerPartnerId\n      points\n      issuerFiat\n      issuerCurrency\n      redeemerFiat\n      redeemerCurrency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleFlowPartnerNames {\n    partners(first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleFlowPartnerNames {\n    partners(first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleStatementLines($partnerId: ID!) {\n    settlementStatements(partnerId: $partnerId) {\n      periodStart\n      lines {\n        kind\n        points\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleStatementLines($partnerId: ID!) {\n    settlementStatements(partnerId: $partnerId) {\n      periodStart\n      lines {\n        kind\n        points\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMe {\n    me {\n      id\n      erasedAt\n      profile {\n        displayName\n        email\n      }\n      tier {\n        name\n        qualifyingPoints\n        nextTier\n        pointsToNextTier\n      }\n      links {\n        partnerId\n        customerId\n        linkedAt\n      }\n      balances {\n        currency\n        available\n        held\n      }\n      consents {\n        partnerId\n        scope\n        granted\n        at\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMe {\n    me {\n      id\n      erasedAt\n      profile {\n        displayName\n        email\n      }\n      tier {\n        name\n        qualifyingPoints\n        nextTier\n        pointsToNextTier\n      }\n      links {\n        partnerId\n        customerId\n        linkedAt\n      }\n      balances {\n        currency\n        available\n        held\n      }\n      consents {\n        partnerId\n        scope\n        granted\n        at\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMyHistory($after: String) {\n    me {\n      id\n      transactions(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          currency\n          walletDelta\n          partnerId\n          orderRef\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMyHistory($after: String) {\n    me {\n      id\n      transactions(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          currency\n          walletDelta\n          partnerId\n          orderRef\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      partnerId\n      scope\n      granted\n      at\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      partnerId\n      scope\n      granted\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleExportMyData {\n    exportMyData\n  }\n"): (typeof documents)["\n  query ConsoleExportMyData {\n    exportMyData\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleEraseMyData {\n    eraseMyData {\n      id\n      erasedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleEraseMyData {\n    eraseMyData {\n      id\n      erasedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRewardCatalog {\n    rewardCatalog(first: 50, sort: PRICE_ASC) {\n      nodes {\n        reward {\n          id\n          title\n          kind\n          currency\n          price\n        }\n        eligible\n        ineligibleReason\n        inStock\n        pointsNeeded\n        redeemable\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleRewardCatalog {\n    rewardCatalog(first: 50, sort: PRICE_ASC) {\n      nodes {\n        reward {\n          id\n          title\n          kind\n          currency\n          price\n        }\n        eligible\n        ineligibleReason\n        inStock\n        pointsNeeded\n        redeemable\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMyRewardRedemptions {\n    myRewardRedemptions(first: 20) {\n      nodes {\n        id\n        status\n        price\n        currency\n        code\n        createdAt\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMyRewardRedemptions {\n    myRewardRedemptions(first: 20) {\n      nodes {\n        id\n        status\n        price\n        currency\n        code\n        createdAt\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRedeemReward($input: RedeemRewardInput!) {\n    redeemReward(input: $input) {\n      replayed\n      redemption {\n        id\n        status\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRedeemReward($input: RedeemRewardInput!) {\n    redeemReward(input: $input) {\n      replayed\n      redemption {\n        id\n        status\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePartnerPicker {\n    partners(first: 200) {\n      nodes {\n        id\n        code\n        name\n        settlementCurrency\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePartnerPicker {\n    partners(first: 200) {\n      nodes {\n        id\n        code\n        name\n        settlementCurrency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleReconciliations($partnerId: ID!) {\n    settlementReconciliations(partnerId: $partnerId) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleReconciliations($partnerId: ID!) {\n    settlementReconciliations(partnerId: $partnerId) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleStatement($partnerId: ID!, $at: DateTime!) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      id\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      lines {\n        kind\n        transfers\n        points\n        amount\n      }\n      dueToHub\n      dueToPartner\n      netExact\n      net\n      rounding\n      transferCount\n      digest\n      closedAt\n      paidAt\n      paymentReference\n    }\n  }\n"): (typeof documents)["\n  query ConsoleStatement($partnerId: ID!, $at: DateTime!) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      id\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      lines {\n        kind\n        transfers\n        points\n        amount\n      }\n      dueToHub\n      dueToPartner\n      netExact\n      net\n      rounding\n      transferCount\n      digest\n      closedAt\n      paidAt\n      paymentReference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleClosePeriod($input: StatementRefInput!) {\n    closeSettlementPeriod(input: $input) {\n      id\n      status\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleClosePeriod($input: StatementRefInput!) {\n    closeSettlementPeriod(input: $input) {\n      id\n      status\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleMarkPaid($input: StatementRefInput!, $paymentReference: String!) {\n    markStatementPaid(input: $input, paymentReference: $paymentReference) {\n      id\n      status\n      paidAt\n      paymentReference\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleMarkPaid($input: StatementRefInput!, $paymentReference: String!) {\n    markStatementPaid(input: $input, paymentReference: $paymentReference) {\n      id\n      status\n      paidAt\n      paymentReference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReconcilePeriod($input: StatementRefInput!) {\n    reconcileSettlementPeriod(input: $input) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleReconcilePeriod($input: StatementRefInput!) {\n    reconcileSettlementPeriod(input: $input) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDraftStatement($partnerId: ID!) {\n    settlementStatement(partnerId: $partnerId) {\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDraftStatement($partnerId: ID!) {\n    settlementStatement(partnerId: $partnerId) {\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePreviousStatement($partnerId: ID!, $at: DateTime!) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n    }\n  }\n"): (typeof documents)["\n  query ConsolePreviousStatement($partnerId: ID!, $at: DateTime!) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleClosedStatements($partnerId: ID!, $before: DateTime) {\n    settlementStatements(partnerId: $partnerId, before: $before) {\n      id\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n      paidAt\n    }\n  }\n"): (typeof documents)["\n  query ConsoleClosedStatements($partnerId: ID!, $before: DateTime) {\n    settlementStatements(partnerId: $partnerId, before: $before) {\n      id\n      partnerId\n      periodStart\n      periodEnd\n      status\n      fiatCurrency\n      net\n      transferCount\n      paidAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCurrencies {\n    currencies {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCurrencies {\n    currencies {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRates($currency: String!) {\n    exchangeRates(currency: $currency) {\n      id\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n    }\n  }\n"): (typeof documents)["\n  query ConsoleRates($currency: String!) {\n    exchangeRates(currency: $currency) {\n      id\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleInvariants {\n    ledgerInvariants {\n      ok\n      mode\n      transfersChecked\n      accountsChecked\n      checkedAt\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleInvariants {\n    ledgerInvariants {\n      ok\n      mode\n      transfersChecked\n      accountsChecked\n      checkedAt\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartInvariantJob {\n    startInvariantCheckJob {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleStartInvariantJob {\n    startInvariantCheckJob {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleInvariantJob($id: ID!) {\n    invariantCheckJob(id: $id) {\n      id\n      state\n      processed\n      total\n      violationCount\n      violations {\n        invariant\n        subject\n        detail\n      }\n      finishedAt\n    }\n  }\n"): (typeof documents)["\n  query ConsoleInvariantJob($id: ID!) {\n    invariantCheckJob(id: $id) {\n      id\n      state\n      processed\n      total\n      violationCount\n      violations {\n        invariant\n        subject\n        detail\n      }\n      finishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePartner($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n      createdAt\n    }\n    partnerContracts(partnerId: $id) {\n      id\n      version\n      effectiveFrom\n      settlementCurrency\n      issuePrice\n      redemptionPrice\n      billingMode\n      creditLimit\n      period\n      periodSeconds\n    }\n  }\n"): (typeof documents)["\n  query ConsolePartner($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n      createdAt\n    }\n    partnerContracts(partnerId: $id) {\n      id\n      version\n      effectiveFrom\n      settlementCurrency\n      issuePrice\n      redemptionPrice\n      billingMode\n      creditLimit\n      period\n      periodSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateCredentials($input: CreatePartnerCredentialsInput!) {\n    createPartnerCredentials(input: $input) {\n      clientId\n      clientSecret\n      scopes\n      tokenEndpoint\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateCredentials($input: CreatePartnerCredentialsInput!) {\n    createPartnerCredentials(input: $input) {\n      clientId\n      clientSecret\n      scopes\n      tokenEndpoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeCredentials($clientId: String!) {\n    revokePartnerCredentials(clientId: $clientId)\n  }\n"): (typeof documents)["\n  mutation ConsoleRevokeCredentials($clientId: String!) {\n    revokePartnerCredentials(clientId: $clientId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetContract($input: SetPartnerContractInput!) {\n    setPartnerContract(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetContract($input: SetPartnerContractInput!) {\n    setPartnerContract(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePartners($after: String) {\n    partners(first: 25, after: $after) {\n      nodes {\n        id\n        code\n        name\n        status\n        settlementCurrency\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePartners($after: String) {\n    partners(first: 25, after: $after) {\n      nodes {\n        id\n        code\n        name\n        status\n        settlementCurrency\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      id\n      code\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      id\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdatePartnerStatus($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdatePartnerStatus($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMembersByEmail($email: String!) {\n    membersByEmail(email: $email) {\n      id\n      profile {\n        displayName\n        email\n      }\n      partnerLink {\n        customerId\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMembersByEmail($email: String!) {\n    membersByEmail(email: $email) {\n      id\n      profile {\n        displayName\n        email\n      }\n      partnerLink {\n        customerId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePartnerMember($customerId: String!, $after: String) {\n    member(ref: { customerId: $customerId }) {\n      id\n      profile {\n        displayName\n        email\n        phone\n        visibleScopes\n      }\n      tier {\n        name\n      }\n      partnerLink {\n        customerId\n        linkedAt\n      }\n      balances {\n        currency\n        available\n        held\n      }\n      transactions(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          currency\n          amount\n          walletDelta\n          orderRef\n          createdAt\n          hold {\n            id\n            status\n            amount\n            expiresAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePartnerMember($customerId: String!, $after: String) {\n    member(ref: { customerId: $customerId }) {\n      id\n      profile {\n        displayName\n        email\n        phone\n        visibleScopes\n      }\n      tier {\n        name\n      }\n      partnerLink {\n        customerId\n        linkedAt\n      }\n      balances {\n        currency\n        available\n        held\n      }\n      transactions(first: 20, after: $after) {\n        nodes {\n          id\n          kind\n          currency\n          amount\n          walletDelta\n          orderRef\n          createdAt\n          hold {\n            id\n            status\n            amount\n            expiresAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleVoidHold($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      replayed\n      transfer {\n        id\n        hold {\n          id\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleVoidHold($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      replayed\n      transfer {\n        id\n        hold {\n          id\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReverseTransfer($input: ReverseTransferInput!) {\n    reverseTransfer(input: $input) {\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleReverseTransfer($input: ReverseTransferInput!) {\n    reverseTransfer(input: $input) {\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePartnerRewards {\n    rewards(first: 100) {\n      nodes {\n        id\n        title\n        kind\n        status\n        currency\n        price\n        stock\n        codePool {\n          free\n          total\n          low\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePartnerRewards {\n    rewards(first: 100) {\n      nodes {\n        id\n        title\n        kind\n        status\n        currency\n        price\n        stock\n        codePool {\n          free\n          total\n          low\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePendingRedemptions {\n    rewardRedemptions(status: PENDING, first: 100) {\n      nodes {\n        id\n        memberId\n        price\n        currency\n        createdAt\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsolePendingRedemptions {\n    rewardRedemptions(status: PENDING, first: 100) {\n      nodes {\n        id\n        memberId\n        price\n        currency\n        createdAt\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleFulfilRedemption($input: ResolveRewardRedemptionInput!) {\n    fulfilRewardRedemption(input: $input) {\n      redemption {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleFulfilRedemption($input: ResolveRewardRedemptionInput!) {\n    fulfilRewardRedemption(input: $input) {\n      redemption {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCancelRedemption($input: ResolveRewardRedemptionInput!) {\n    cancelRewardRedemption(input: $input) {\n      redemption {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCancelRedemption($input: ResolveRewardRedemptionInput!) {\n    cancelRewardRedemption(input: $input) {\n      redemption {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      previousSecretUntil\n    }\n  }\n"): (typeof documents)["\n  query ConsoleWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      description\n      eventTypes\n      enabled\n      previousSecretUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetWebhookEnabled($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      enabled\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetWebhookEnabled($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n        previousSecretUntil\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n        previousSecretUntil\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWebhookDeliveries($endpointId: ID!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: 20, after: $after) {\n      nodes {\n        id\n        eventType\n        eventId\n        status\n        attempts\n        lastStatusCode\n        lastError\n        createdAt\n        nextAttemptAt\n        attemptLog {\n          latencyMs\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleWebhookDeliveries($endpointId: ID!, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: 20, after: $after) {\n      nodes {\n        id\n        eventType\n        eventId\n        status\n        attempts\n        lastStatusCode\n        lastError\n        createdAt\n        nextAttemptAt\n        attemptLog {\n          latencyMs\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;