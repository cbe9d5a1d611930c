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
    "\n  query FlowViewer {\n    viewer {\n      role\n      partner {\n        id\n        code\n      }\n    }\n  }\n": typeof types.FlowViewerDocument,
    "\n  query FlowMember($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      partnerLink {\n        customerId\n      }\n    }\n  }\n": typeof types.FlowMemberDocument,
    "\n  query FlowPartner($id: ID!) {\n    partner(id: $id) {\n      id\n    }\n  }\n": typeof types.FlowPartnerDocument,
    "\n  query FlowPartners($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      nodes {\n        id\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.FlowPartnersDocument,
    "\n  mutation FlowSuspend($id: ID!) {\n    updatePartner(input: { id: $id, status: SUSPENDED }) {\n      status\n    }\n  }\n": typeof types.FlowSuspendDocument,
    "\n  query FlowEntities($representations: [_Any!]!) {\n    _entities(representations: $representations) {\n      ... on Member {\n        id\n      }\n    }\n  }\n": typeof types.FlowEntitiesDocument,
    "\n  query AuditRecords($filter: AuditRecordFilter, $first: Int, $after: String) {\n    auditRecords(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        requestId\n        operation\n        actorRole\n        actorSubject\n        partnerId\n        targetTable\n        targetId\n        action\n        changes {\n          field\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditRecordsDocument,
    "\n  mutation AuditCreateCredentials($partnerId: ID!) {\n    createPartnerCredentials(input: { partnerId: $partnerId, label: \"till 7\" }) {\n      clientId\n      clientSecret\n    }\n  }\n": typeof types.AuditCreateCredentialsDocument,
    "\n  query ListPartners($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      nodes {\n        id\n        code\n      }\n      edges {\n        cursor\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ListPartnersDocument,
    "\n  mutation CreateBrandedCurrency($input: CreateCurrencyInput!) {\n    createCurrency(input: $input) {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n": typeof types.CreateBrandedCurrencyDocument,
    "\n  query BrandedCurrencies {\n    currencies {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n": typeof types.BrandedCurrenciesDocument,
    "\n  query ExchangeMutationFields {\n    __type(name: \"Mutation\") {\n      fields {\n        name\n      }\n    }\n  }\n": typeof types.ExchangeMutationFieldsDocument,
    "\n  query Entities($representations: [_Any!]!) {\n    _entities(representations: $representations) {\n      __typename\n      ... on Partner {\n        id\n        code\n      }\n      ... on Member {\n        id\n        partnerLink {\n          customerId\n        }\n      }\n    }\n  }\n": typeof types.EntitiesDocument,
    "\n  query PartnerCodes {\n    partners(first: 5) {\n      nodes {\n        code\n      }\n    }\n  }\n": typeof types.PartnerCodesDocument,
    "\n  mutation LedgerSuspendPartner($id: ID!) {\n    updatePartner(input: { id: $id, status: SUSPENDED }) {\n      status\n    }\n  }\n": typeof types.LedgerSuspendPartnerDocument,
    "\n  query ModelBalances($a: MemberRefInput!, $b: MemberRefInput!, $c: MemberRefInput!) {\n    a: member(ref: $a) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n    b: member(ref: $b) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n    c: member(ref: $c) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n  }\n": typeof types.ModelBalancesDocument,
    "\n  mutation LeanEarn($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n      replayed\n    }\n  }\n": typeof types.LeanEarnDocument,
    "\n  query History($ref: MemberRefInput!, $first: Int, $after: String, $filter: TransactionFilter) {\n    member(ref: $ref) {\n      transactions(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n          }\n        }\n        nodes {\n          id\n          kind\n          amount\n          partnerId\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.HistoryDocument,
    "\n  query DeepHistory($ref: MemberRefInput!, $first: Int) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: $first) {\n        nodes {\n          id\n          kind\n          amount\n          partner {\n            id\n            code\n          }\n          member {\n            id\n            partnerLink {\n              customerId\n            }\n          }\n          reverses {\n            id\n            reversedAmount\n          }\n          reversedAmount\n          hold {\n            id\n            status\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.DeepHistoryDocument,
    "\n  mutation LeanAuthorize($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n": typeof types.LeanAuthorizeDocument,
    "\n  mutation LeanCapture($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n": typeof types.LeanCaptureDocument,
    "\n  mutation LeanVoid($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n": typeof types.LeanVoidDocument,
    "\n  mutation LeanRedeem($input: RedeemPointsInput!) {\n    redeemPoints(input: $input) {\n      operationId\n      replayed\n    }\n  }\n": typeof types.LeanRedeemDocument,
    "\n  query MemberByRef($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      partnerLink {\n        partnerId\n        customerId\n      }\n      links {\n        partnerId\n        customerId\n      }\n    }\n  }\n": typeof types.MemberByRefDocument,
    "\n  query MembersByEmail($email: String!) {\n    membersByEmail(email: $email) {\n      id\n      partnerLink {\n        customerId\n      }\n      profile {\n        email\n      }\n    }\n  }\n": typeof types.MembersByEmailDocument,
    "\n  query MemberTransactionsPage($ref: MemberRefInput!, $first: Int, $after: String, $filter: TransactionFilter) {\n    member(ref: $ref) {\n      id\n      transactions(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n            partnerId\n            orderRef\n            currency\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MemberTransactionsPageDocument,
    "\n  query TransferWithMember($id: ID!) {\n    transfer(id: $id) {\n      id\n      partner {\n        id\n        code\n      }\n      reverses {\n        id\n      }\n      member {\n        ...MemberFields\n      }\n    }\n  }\n": typeof types.TransferWithMemberDocument,
    "\n  query ViewerMember {\n    viewer {\n      role\n      member {\n        id\n      }\n      partner {\n        id\n      }\n    }\n  }\n": typeof types.ViewerMemberDocument,
    "\n  query PartnerById($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n      createdAt\n    }\n  }\n": typeof types.PartnerByIdDocument,
    "\n  query WhoAmI {\n    viewer {\n      role\n      scopes\n      partner {\n        id\n      }\n    }\n  }\n": typeof types.WhoAmIDocument,
    "\n  mutation RevokeCredentials($clientId: String!) {\n    revokePartnerCredentials(clientId: $clientId)\n  }\n": typeof types.RevokeCredentialsDocument,
    "\n  query Viewer {\n    viewer {\n      role\n      scopes\n      partner {\n        id\n        code\n        name\n        status\n        settlementCurrency\n      }\n      member {\n        id\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query OnePartner($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n    }\n  }\n": typeof types.OnePartnerDocument,
    "\n  query PartnersPage($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          code\n        }\n      }\n      nodes {\n        id\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PartnersPageDocument,
    "\n  mutation UpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      id\n      name\n      status\n    }\n  }\n": typeof types.UpdatePartnerDocument,
    "\n  query ViewerPartner {\n    viewer {\n      partner {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ViewerPartnerDocument,
    "\n  mutation LeanPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) {\n      replayed\n      purchase {\n        id\n        legs {\n          points\n        }\n      }\n    }\n  }\n": typeof types.LeanPurchaseDocument,
    "\n  mutation LeanEarnById($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n    }\n  }\n": typeof types.LeanEarnByIdDocument,
    "\n  query ReplicaMemberReads($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: 50) {\n        nodes {\n          id\n          amount\n          walletDelta\n        }\n      }\n    }\n  }\n": typeof types.ReplicaMemberReadsDocument,
    "\n  query ReplicaMyReads {\n    me {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: 50) {\n        nodes {\n          id\n          amount\n          walletDelta\n        }\n      }\n    }\n  }\n": typeof types.ReplicaMyReadsDocument,
    "\n  mutation ReconcileSettlementPeriod($input: StatementRefInput!) {\n    reconcileSettlementPeriod(input: $input) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n": typeof types.ReconcileSettlementPeriodDocument,
    "\n  query SettlementReconciliations($partnerId: ID!, $before: DateTime) {\n    settlementReconciliations(partnerId: $partnerId, before: $before) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      differences {\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n": typeof types.SettlementReconciliationsDocument,
    "\n  mutation SetExchangeRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n": typeof types.SetExchangeRateDocument,
    "\n  query ExchangeRates($currency: String!, $direction: ExchangeRateDirection) {\n    exchangeRates(currency: $currency, direction: $direction) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n": typeof types.ExchangeRatesDocument,
    "\n  query ExchangeRateAt($currency: String!, $direction: ExchangeRateDirection!, $at: DateTime) {\n    exchangeRateAt(currency: $currency, direction: $direction, at: $at) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n": typeof types.ExchangeRateAtDocument,
    "\n  mutation QuoteExchange($input: QuoteExchangeInput!) {\n    quoteExchange(input: $input) {\n      id\n      memberId\n      fromCurrency\n      toCurrency\n      amountIn\n      amountOut\n      rate\n      exactAmountOut\n      rounding\n      outRateId\n      inRateId\n      expiresAt\n      usedAt\n    }\n  }\n": typeof types.QuoteExchangeDocument,
    "\n  mutation ExchangePoints($input: ExchangePointsInput!) {\n    exchangePoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        operationId\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n      transfers {\n        id\n        operationId\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": typeof types.ExchangePointsDocument,
    "\n  mutation EarnPoints($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        currency\n        partnerId\n        memberId\n        orderRef\n      }\n      transfers {\n        id\n        kind\n        amount\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": typeof types.EarnPointsDocument,
    "\n  mutation RedeemPoints($input: RedeemPointsInput!) {\n    redeemPoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        partnerId\n        memberId\n        orderRef\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": typeof types.RedeemPointsDocument,
    "\n  mutation AuthorizeRedemption($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        amount\n        capturedAmount\n        expiresAt\n        createdAt\n        resolvedAt\n        orderRef\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": typeof types.AuthorizeRedemptionDocument,
    "\n  mutation CaptureRedemption($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n      }\n      transfers {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        amount\n        capturedAmount\n        resolvedAt\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": typeof types.CaptureRedemptionDocument,
    "\n  mutation VoidRedemption($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        capturedAmount\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": typeof types.VoidRedemptionDocument,
    "\n  mutation ReverseTransfer($input: ReverseTransferInput!) {\n    reverseTransfer(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        reversesTransferId\n        reverses {\n          id\n          reversedAmount\n        }\n      }\n      transfers {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": typeof types.ReverseTransferDocument,
    "\n  mutation EarnPointsBatch($input: EarnPointsBatchInput!) {\n    earnPointsBatch(input: $input) {\n      succeeded\n      failed\n      items {\n        index\n        idempotencyKey\n        result {\n          operationId\n          replayed\n          transfer {\n            id\n            amount\n            memberId\n          }\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.EarnPointsBatchDocument,
    "\n  query MemberBalances($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n  }\n": typeof types.MemberBalancesDocument,
    "\n  query LedgerInvariants {\n    ledgerInvariants(mode: FULL) {\n      ok\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n": typeof types.LedgerInvariantsDocument,
    "\n  query LedgerInvariantsIncremental {\n    ledgerInvariants {\n      ok\n      mode\n      transfersChecked\n      accountsChecked\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n": typeof types.LedgerInvariantsIncrementalDocument,
    "\n  mutation StartInvariantCheckJob($pageSize: Int) {\n    startInvariantCheckJob(pageSize: $pageSize) {\n      id\n      state\n      pageSize\n      processed\n      total\n    }\n  }\n": typeof types.StartInvariantCheckJobDocument,
    "\n  query InvariantCheckJobProgress($id: ID!) {\n    invariantCheckJob(id: $id) {\n      id\n      state\n      pageSize\n      processed\n      total\n      violationCount\n      violations {\n        invariant\n        subject\n        detail\n      }\n      startedBy\n      finishedAt\n    }\n  }\n": typeof types.InvariantCheckJobProgressDocument,
    "\n  mutation CreateCurrency($input: CreateCurrencyInput!) {\n    createCurrency(input: $input) {\n      code\n      kind\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n": typeof types.CreateCurrencyDocument,
    "\n  mutation RunLedgerExpiry {\n    runLedgerExpiry {\n      holdsExpired\n      walletsExpired\n      pointsExpired\n    }\n  }\n": typeof types.RunLedgerExpiryDocument,
    "\n  query GetTransfer($id: ID!) {\n    transfer(id: $id) {\n      id\n      kind\n      amount\n      partnerId\n      memberId\n      reversedAmount\n      holdId\n    }\n  }\n": typeof types.GetTransferDocument,
    "\n  query GetHold($id: ID!) {\n    hold(id: $id) {\n      id\n      status\n      amount\n      capturedAmount\n      partnerId\n      memberId\n      expiresAt\n      resolvedAt\n    }\n  }\n": typeof types.GetHoldDocument,
    "\n  fragment MemberFields on Member {\n    id\n    createdAt\n    erasedAt\n    profile {\n      displayName\n      email\n      phone\n      birthDate\n      locale\n      preferences\n      visibleScopes\n    }\n    tier {\n      name\n      qualifyingPoints\n      nextTier\n      pointsToNextTier\n    }\n    consents {\n      partnerId\n      scope\n      granted\n      at\n    }\n    consentHistory {\n      partnerId\n      scope\n      granted\n      at\n    }\n    partnerLink {\n      partnerId\n      customerId\n    }\n    links {\n      partnerId\n      customerId\n      linkedAt\n    }\n    balances {\n      currency\n      available\n      held\n      owed\n    }\n    transactions(first: 200) {\n      nodes {\n        id\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n    }\n  }\n": typeof types.MemberFieldsFragmentDoc,
    "\n  mutation EnrollMemberFull($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      ...MemberFields\n    }\n  }\n": typeof types.EnrollMemberFullDocument,
    "\n  query MemberFull($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      ...MemberFields\n    }\n  }\n": typeof types.MemberFullDocument,
    "\n  query Me {\n    me {\n      ...MemberFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation UnlinkMember($customerId: String!) {\n    unlinkMember(customerId: $customerId)\n  }\n": typeof types.UnlinkMemberDocument,
    "\n  mutation IssueMemberToken($member: MemberRefInput!) {\n    issueMemberToken(member: $member) {\n      accessToken\n      tokenType\n      expiresIn\n      memberId\n    }\n  }\n": typeof types.IssueMemberTokenDocument,
    "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      displayName\n      email\n      phone\n      birthDate\n      locale\n      preferences\n      visibleScopes\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  mutation SetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      partnerId\n      scope\n      granted\n      at\n    }\n  }\n": typeof types.SetConsentDocument,
    "\n  query ExportMyData {\n    exportMyData\n  }\n": typeof types.ExportMyDataDocument,
    "\n  query MemberDataExport($memberId: String!) {\n    memberDataExport(memberId: $memberId)\n  }\n": typeof types.MemberDataExportDocument,
    "\n  mutation EraseMyData {\n    eraseMyData {\n      id\n      erasedAt\n      profile {\n        displayName\n        email\n        phone\n        birthDate\n        locale\n        preferences\n      }\n      links {\n        partnerId\n      }\n    }\n  }\n": typeof types.EraseMyDataDocument,
    "\n  mutation EraseMember($memberId: String!) {\n    eraseMember(memberId: $memberId) {\n      id\n      erasedAt\n    }\n  }\n": typeof types.EraseMemberDocument,
    "\n  mutation MergeMembers($input: MergeMembersInput!) {\n    mergeMembers(input: $input) {\n      ...MemberFields\n    }\n  }\n": typeof types.MergeMembersDocument,
    "\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n    }\n  }\n": typeof types.CreatePartnerDocument,
    "\n  mutation CreatePartnerCredentials($input: CreatePartnerCredentialsInput!) {\n    createPartnerCredentials(input: $input) {\n      clientId\n      clientSecret\n      partnerId\n      scopes\n      tokenEndpoint\n    }\n  }\n": typeof types.CreatePartnerCredentialsDocument,
    "\n  mutation EnrollMember($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      id\n      createdAt\n      partnerLink {\n        partnerId\n        customerId\n      }\n    }\n  }\n": typeof types.EnrollMemberDocument,
    "\n  mutation SetEarnRules($input: SetEarnRulesInput!) {\n    setEarnRules(input: $input) {\n      id\n      partnerId\n      version\n      effectiveFrom\n      rules\n    }\n  }\n": typeof types.SetEarnRulesDocument,
    "\n  query EarnRuleSets($partnerId: ID) {\n    earnRuleSets(partnerId: $partnerId) {\n      id\n      partnerId\n      version\n      effectiveFrom\n      rules\n    }\n  }\n": typeof types.EarnRuleSetsDocument,
    "\n  fragment CampaignFields on Campaign {\n    id\n    partnerId\n    name\n    startsAt\n    endsAt\n    stacking\n    definition\n    funders {\n      partnerId\n      share\n    }\n    budget\n    status\n  }\n": typeof types.CampaignFieldsFragmentDoc,
    "\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      ...CampaignFields\n    }\n  }\n": typeof types.CreateCampaignDocument,
    "\n  query Campaigns($partnerId: ID) {\n    campaigns(partnerId: $partnerId) {\n      ...CampaignFields\n    }\n  }\n": typeof types.CampaignsDocument,
    "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PauseCampaignDocument,
    "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ResumeCampaignDocument,
    "\n  mutation EndCampaign($id: ID!) {\n    endCampaign(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.EndCampaignDocument,
    "\n  query CampaignCost($id: ID!) {\n    campaignCost(id: $id) {\n      partnerId\n      points\n      awards\n    }\n  }\n": typeof types.CampaignCostDocument,
    "\n  fragment BreakdownFields on BreakdownLine {\n    source\n    ref\n    kind\n    currency\n    points\n    funderPartnerId\n    explanation\n  }\n": typeof types.BreakdownFieldsFragmentDoc,
    "\n  query SimulatePurchase($input: PurchaseInput!) {\n    simulatePurchase(input: $input) {\n      ruleSetVersion\n      breakdown {\n        ...BreakdownFields\n      }\n      legs {\n        currency\n        partnerId\n        points\n        transferId\n      }\n    }\n  }\n": typeof types.SimulatePurchaseDocument,
    "\n  mutation RecordPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) {\n      replayed\n      purchase {\n        id\n        partnerId\n        memberId\n        operationId\n        orderRef\n        currency\n        total\n        occurredAt\n        ruleSetVersion\n        breakdown {\n          ...BreakdownFields\n        }\n        legs {\n          currency\n          partnerId\n          points\n          transferId\n        }\n        transferIds\n      }\n    }\n  }\n": typeof types.RecordPurchaseDocument,
    "\n  mutation RefundPurchase($input: RefundPurchaseInput!) {\n    refundPurchase(input: $input) {\n      id\n      purchaseId\n      amount\n      replayed\n      reversals {\n        transferId\n        partnerId\n        points\n        operationId\n        reversalTransferId\n      }\n    }\n  }\n": typeof types.RefundPurchaseDocument,
    "\n  fragment RewardFields on Reward {\n    id\n    partnerId\n    kind\n    title\n    currency\n    price\n    priceVersion\n    minTier\n    audience\n    perMemberLimit\n    fulfilmentSeconds\n    instant\n    status\n    stock\n    codePool {\n      free\n      total\n      low\n    }\n  }\n": typeof types.RewardFieldsFragmentDoc,
    "\n  fragment RedemptionFields on RewardRedemption {\n    id\n    rewardId\n    partnerId\n    memberId\n    status\n    price\n    priceVersion\n    currency\n    code\n    holdId\n    transferId\n    resolvedAt\n  }\n": typeof types.RedemptionFieldsFragmentDoc,
    "\n  mutation CreateReward($input: CreateRewardInput!) {\n    createReward(input: $input) {\n      ...RewardFields\n    }\n  }\n": typeof types.CreateRewardDocument,
    "\n  mutation UpdateReward($input: UpdateRewardInput!) {\n    updateReward(input: $input) {\n      ...RewardFields\n    }\n  }\n": typeof types.UpdateRewardDocument,
    "\n  mutation SetRewardPrice($id: ID!, $price: BigInt!) {\n    setRewardPrice(id: $id, price: $price) {\n      ...RewardFields\n    }\n  }\n": typeof types.SetRewardPriceDocument,
    "\n  mutation PublishReward($id: ID!) {\n    publishReward(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PublishRewardDocument,
    "\n  mutation PauseReward($id: ID!) {\n    pauseReward(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PauseRewardDocument,
    "\n  mutation RetireReward($id: ID!) {\n    retireReward(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RetireRewardDocument,
    "\n  mutation AddRewardStock($id: ID!, $quantity: BigInt!) {\n    addRewardStock(id: $id, quantity: $quantity) {\n      id\n      stock\n    }\n  }\n": typeof types.AddRewardStockDocument,
    "\n  mutation UploadRewardCodes($input: UploadRewardCodesInput!) {\n    uploadRewardCodes(input: $input) {\n      id\n      rewardId\n      count\n    }\n  }\n": typeof types.UploadRewardCodesDocument,
    "\n  mutation GenerateRewardCodes($input: GenerateRewardCodesInput!) {\n    generateRewardCodes(input: $input) {\n      id\n      rewardId\n      count\n    }\n  }\n": typeof types.GenerateRewardCodesDocument,
    "\n  mutation RedeemReward($input: RedeemRewardInput!) {\n    redeemReward(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.RedeemRewardDocument,
    "\n  mutation FulfilRewardRedemption($input: ResolveRewardRedemptionInput!) {\n    fulfilRewardRedemption(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n      }\n    }\n  }\n": typeof types.FulfilRewardRedemptionDocument,
    "\n  mutation CancelRewardRedemption($input: ResolveRewardRedemptionInput!) {\n    cancelRewardRedemption(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n      }\n    }\n  }\n": typeof types.CancelRewardRedemptionDocument,
    "\n  query GetReward($id: ID!) {\n    reward(id: $id) {\n      ...RewardFields\n    }\n  }\n": typeof types.GetRewardDocument,
    "\n  query PartnerRewards($partnerId: ID, $status: RewardStatus, $first: Int, $after: String) {\n    rewards(partnerId: $partnerId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...RewardFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PartnerRewardsDocument,
    "\n  query RewardCatalog($filter: RewardCatalogFilter, $sort: RewardCatalogSort, $first: Int, $after: String) {\n    rewardCatalog(filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes {\n        reward {\n          id\n          partnerId\n          kind\n          price\n          minTier\n          audience\n        }\n        eligible\n        ineligibleReason\n        inStock\n        available\n        pointsNeeded\n        redeemable\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RewardCatalogDocument,
    "\n  query MyRewardRedemptions($first: Int, $after: String) {\n    myRewardRedemptions(first: $first, after: $after) {\n      nodes {\n        ...RedemptionFields\n        reward {\n          id\n          title\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyRewardRedemptionsDocument,
    "\n  query PartnerRewardRedemptions($partnerId: ID, $status: RewardRedemptionStatus, $first: Int, $after: String) {\n    rewardRedemptions(partnerId: $partnerId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...RedemptionFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PartnerRewardRedemptionsDocument,
    "\n  query GetRewardRedemption($id: ID!) {\n    rewardRedemption(id: $id) {\n      ...RedemptionFields\n    }\n  }\n": typeof types.GetRewardRedemptionDocument,
    "\n  mutation AddRewardToWishlist($rewardId: ID!) {\n    addRewardToWishlist(rewardId: $rewardId)\n  }\n": typeof types.AddRewardToWishlistDocument,
    "\n  mutation RemoveRewardFromWishlist($rewardId: ID!) {\n    removeRewardFromWishlist(rewardId: $rewardId)\n  }\n": typeof types.RemoveRewardFromWishlistDocument,
    "\n  query MyRewardWishlist {\n    myRewardWishlist {\n      reward {\n        id\n        price\n      }\n      eligible\n      ineligibleReason\n      pointsNeeded\n      redeemable\n    }\n  }\n": typeof types.MyRewardWishlistDocument,
    "\n  fragment ContractFields on PartnerContract {\n    id\n    partnerId\n    version\n    effectiveFrom\n    settlementCurrency\n    fiatScale\n    issuePrice\n    redemptionPrice\n    billingMode\n    creditLimit\n    period\n    periodSeconds\n  }\n": typeof types.ContractFieldsFragmentDoc,
    "\n  mutation SetPartnerContract($input: SetPartnerContractInput!) {\n    setPartnerContract(input: $input) {\n      ...ContractFields\n    }\n  }\n": typeof types.SetPartnerContractDocument,
    "\n  query PartnerContracts($partnerId: ID!) {\n    partnerContracts(partnerId: $partnerId) {\n      ...ContractFields\n    }\n  }\n": typeof types.PartnerContractsDocument,
    "\n  mutation RecordPrepaidTopUp($partnerId: ID!, $amount: String!, $reference: String) {\n    recordPrepaidTopUp(partnerId: $partnerId, amount: $amount, reference: $reference) {\n      partnerId\n      remaining\n    }\n  }\n": typeof types.RecordPrepaidTopUpDocument,
    "\n  query PartnerBudget($partnerId: ID!) {\n    partnerBudget(partnerId: $partnerId) {\n      partnerId\n      remaining\n    }\n  }\n": typeof types.PartnerBudgetDocument,
    "\n  fragment StatementFields on SettlementStatement {\n    id\n    partnerId\n    periodStart\n    periodEnd\n    status\n    fiatCurrency\n    lines {\n      kind\n      transfers\n      points\n      amount\n    }\n    dueToHub\n    dueToPartner\n    netExact\n    net\n    rounding\n    transferCount\n    digest\n    closedAt\n    paidAt\n    paymentReference\n  }\n": typeof types.StatementFieldsFragmentDoc,
    "\n  query SettlementStatement($partnerId: ID!, $at: DateTime) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      ...StatementFields\n    }\n  }\n": typeof types.SettlementStatementDocument,
    "\n  query SettlementStatements($partnerId: ID!, $before: DateTime) {\n    settlementStatements(partnerId: $partnerId, before: $before) {\n      ...StatementFields\n    }\n  }\n": typeof types.SettlementStatementsDocument,
    "\n  mutation CloseSettlementPeriod($input: StatementRefInput!) {\n    closeSettlementPeriod(input: $input) {\n      ...StatementFields\n    }\n  }\n": typeof types.CloseSettlementPeriodDocument,
    "\n  mutation MarkStatementPaid($input: StatementRefInput!, $paymentReference: String!) {\n    markStatementPaid(input: $input, paymentReference: $paymentReference) {\n      ...StatementFields\n    }\n  }\n": typeof types.MarkStatementPaidDocument,
    "\n  query ReconcileSettlements {\n    reconcileSettlements {\n      ok\n      checkedAt\n      statementsChecked\n      valuationsChecked\n      unpricedTransfers\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n": typeof types.ReconcileSettlementsDocument,
    "\n  mutation RecordSettlementFee($input: RecordSettlementFeeInput!) {\n    recordSettlementFee(input: $input) {\n      id\n      partnerId\n      amount\n      description\n      createdAt\n    }\n  }\n": typeof types.RecordSettlementFeeDocument,
    "\n  query InterPartnerFlows($from: DateTime!, $to: DateTime!) {\n    interPartnerFlows(from: $from, to: $to) {\n      issuerPartnerId\n      redeemerPartnerId\n      points\n      issuerFiat\n      issuerCurrency\n      redeemerFiat\n      redeemerCurrency\n    }\n  }\n": typeof types.InterPartnerFlowsDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        partnerId\n        url\n        description\n        eventTypes\n        enabled\n        previousSecretUntil\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      eventTypes\n      enabled\n      description\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!, $overlapSeconds: Int) {\n    rotateWebhookSecret(id: $id, overlapSeconds: $overlapSeconds) {\n      secret\n      endpoint {\n        id\n        previousSecretUntil\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  query WebhookEndpoints($partnerId: ID) {\n    webhookEndpoints(partnerId: $partnerId) {\n      id\n      partnerId\n      url\n      eventTypes\n      enabled\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WebhookEventTypes {\n    webhookEventTypes {\n      type\n      version\n      description\n    }\n  }\n": typeof types.WebhookEventTypesDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        eventId\n        eventType\n        memberId\n        status\n        attempts\n        nextAttemptAt\n        lastStatusCode\n        lastError\n        attemptLog {\n          statusCode\n          latencyMs\n          error\n          responseExcerpt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ReplayWebhookDeliveryDocument,
};
const documents: Documents = {
    "\n  query FlowViewer {\n    viewer {\n      role\n      partner {\n        id\n        code\n      }\n    }\n  }\n": types.FlowViewerDocument,
    "\n  query FlowMember($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      partnerLink {\n        customerId\n      }\n    }\n  }\n": types.FlowMemberDocument,
    "\n  query FlowPartner($id: ID!) {\n    partner(id: $id) {\n      id\n    }\n  }\n": types.FlowPartnerDocument,
    "\n  query FlowPartners($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      nodes {\n        id\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.FlowPartnersDocument,
    "\n  mutation FlowSuspend($id: ID!) {\n    updatePartner(input: { id: $id, status: SUSPENDED }) {\n      status\n    }\n  }\n": types.FlowSuspendDocument,
    "\n  query FlowEntities($representations: [_Any!]!) {\n    _entities(representations: $representations) {\n      ... on Member {\n        id\n      }\n    }\n  }\n": types.FlowEntitiesDocument,
    "\n  query AuditRecords($filter: AuditRecordFilter, $first: Int, $after: String) {\n    auditRecords(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        requestId\n        operation\n        actorRole\n        actorSubject\n        partnerId\n        targetTable\n        targetId\n        action\n        changes {\n          field\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditRecordsDocument,
    "\n  mutation AuditCreateCredentials($partnerId: ID!) {\n    createPartnerCredentials(input: { partnerId: $partnerId, label: \"till 7\" }) {\n      clientId\n      clientSecret\n    }\n  }\n": types.AuditCreateCredentialsDocument,
    "\n  query ListPartners($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      nodes {\n        id\n        code\n      }\n      edges {\n        cursor\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ListPartnersDocument,
    "\n  mutation CreateBrandedCurrency($input: CreateCurrencyInput!) {\n    createCurrency(input: $input) {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n": types.CreateBrandedCurrencyDocument,
    "\n  query BrandedCurrencies {\n    currencies {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n": types.BrandedCurrenciesDocument,
    "\n  query ExchangeMutationFields {\n    __type(name: \"Mutation\") {\n      fields {\n        name\n      }\n    }\n  }\n": types.ExchangeMutationFieldsDocument,
    "\n  query Entities($representations: [_Any!]!) {\n    _entities(representations: $representations) {\n      __typename\n      ... on Partner {\n        id\n        code\n      }\n      ... on Member {\n        id\n        partnerLink {\n          customerId\n        }\n      }\n    }\n  }\n": types.EntitiesDocument,
    "\n  query PartnerCodes {\n    partners(first: 5) {\n      nodes {\n        code\n      }\n    }\n  }\n": types.PartnerCodesDocument,
    "\n  mutation LedgerSuspendPartner($id: ID!) {\n    updatePartner(input: { id: $id, status: SUSPENDED }) {\n      status\n    }\n  }\n": types.LedgerSuspendPartnerDocument,
    "\n  query ModelBalances($a: MemberRefInput!, $b: MemberRefInput!, $c: MemberRefInput!) {\n    a: member(ref: $a) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n    b: member(ref: $b) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n    c: member(ref: $c) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n  }\n": types.ModelBalancesDocument,
    "\n  mutation LeanEarn($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n      replayed\n    }\n  }\n": types.LeanEarnDocument,
    "\n  query History($ref: MemberRefInput!, $first: Int, $after: String, $filter: TransactionFilter) {\n    member(ref: $ref) {\n      transactions(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n          }\n        }\n        nodes {\n          id\n          kind\n          amount\n          partnerId\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.HistoryDocument,
    "\n  query DeepHistory($ref: MemberRefInput!, $first: Int) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: $first) {\n        nodes {\n          id\n          kind\n          amount\n          partner {\n            id\n            code\n          }\n          member {\n            id\n            partnerLink {\n              customerId\n            }\n          }\n          reverses {\n            id\n            reversedAmount\n          }\n          reversedAmount\n          hold {\n            id\n            status\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.DeepHistoryDocument,
    "\n  mutation LeanAuthorize($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n": types.LeanAuthorizeDocument,
    "\n  mutation LeanCapture($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n": types.LeanCaptureDocument,
    "\n  mutation LeanVoid($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n": types.LeanVoidDocument,
    "\n  mutation LeanRedeem($input: RedeemPointsInput!) {\n    redeemPoints(input: $input) {\n      operationId\n      replayed\n    }\n  }\n": types.LeanRedeemDocument,
    "\n  query MemberByRef($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      partnerLink {\n        partnerId\n        customerId\n      }\n      links {\n        partnerId\n        customerId\n      }\n    }\n  }\n": types.MemberByRefDocument,
    "\n  query MembersByEmail($email: String!) {\n    membersByEmail(email: $email) {\n      id\n      partnerLink {\n        customerId\n      }\n      profile {\n        email\n      }\n    }\n  }\n": types.MembersByEmailDocument,
    "\n  query MemberTransactionsPage($ref: MemberRefInput!, $first: Int, $after: String, $filter: TransactionFilter) {\n    member(ref: $ref) {\n      id\n      transactions(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n            partnerId\n            orderRef\n            currency\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MemberTransactionsPageDocument,
    "\n  query TransferWithMember($id: ID!) {\n    transfer(id: $id) {\n      id\n      partner {\n        id\n        code\n      }\n      reverses {\n        id\n      }\n      member {\n        ...MemberFields\n      }\n    }\n  }\n": types.TransferWithMemberDocument,
    "\n  query ViewerMember {\n    viewer {\n      role\n      member {\n        id\n      }\n      partner {\n        id\n      }\n    }\n  }\n": types.ViewerMemberDocument,
    "\n  query PartnerById($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n      createdAt\n    }\n  }\n": types.PartnerByIdDocument,
    "\n  query WhoAmI {\n    viewer {\n      role\n      scopes\n      partner {\n        id\n      }\n    }\n  }\n": types.WhoAmIDocument,
    "\n  mutation RevokeCredentials($clientId: String!) {\n    revokePartnerCredentials(clientId: $clientId)\n  }\n": types.RevokeCredentialsDocument,
    "\n  query Viewer {\n    viewer {\n      role\n      scopes\n      partner {\n        id\n        code\n        name\n        status\n        settlementCurrency\n      }\n      member {\n        id\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  query OnePartner($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n    }\n  }\n": types.OnePartnerDocument,
    "\n  query PartnersPage($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          code\n        }\n      }\n      nodes {\n        id\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PartnersPageDocument,
    "\n  mutation UpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      id\n      name\n      status\n    }\n  }\n": types.UpdatePartnerDocument,
    "\n  query ViewerPartner {\n    viewer {\n      partner {\n        id\n        status\n      }\n    }\n  }\n": types.ViewerPartnerDocument,
    "\n  mutation LeanPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) {\n      replayed\n      purchase {\n        id\n        legs {\n          points\n        }\n      }\n    }\n  }\n": types.LeanPurchaseDocument,
    "\n  mutation LeanEarnById($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n    }\n  }\n": types.LeanEarnByIdDocument,
    "\n  query ReplicaMemberReads($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: 50) {\n        nodes {\n          id\n          amount\n          walletDelta\n        }\n      }\n    }\n  }\n": types.ReplicaMemberReadsDocument,
    "\n  query ReplicaMyReads {\n    me {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: 50) {\n        nodes {\n          id\n          amount\n          walletDelta\n        }\n      }\n    }\n  }\n": types.ReplicaMyReadsDocument,
    "\n  mutation ReconcileSettlementPeriod($input: StatementRefInput!) {\n    reconcileSettlementPeriod(input: $input) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n": types.ReconcileSettlementPeriodDocument,
    "\n  query SettlementReconciliations($partnerId: ID!, $before: DateTime) {\n    settlementReconciliations(partnerId: $partnerId, before: $before) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      differences {\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n": types.SettlementReconciliationsDocument,
    "\n  mutation SetExchangeRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n": types.SetExchangeRateDocument,
    "\n  query ExchangeRates($currency: String!, $direction: ExchangeRateDirection) {\n    exchangeRates(currency: $currency, direction: $direction) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n": types.ExchangeRatesDocument,
    "\n  query ExchangeRateAt($currency: String!, $direction: ExchangeRateDirection!, $at: DateTime) {\n    exchangeRateAt(currency: $currency, direction: $direction, at: $at) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n": types.ExchangeRateAtDocument,
    "\n  mutation QuoteExchange($input: QuoteExchangeInput!) {\n    quoteExchange(input: $input) {\n      id\n      memberId\n      fromCurrency\n      toCurrency\n      amountIn\n      amountOut\n      rate\n      exactAmountOut\n      rounding\n      outRateId\n      inRateId\n      expiresAt\n      usedAt\n    }\n  }\n": types.QuoteExchangeDocument,
    "\n  mutation ExchangePoints($input: ExchangePointsInput!) {\n    exchangePoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        operationId\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n      transfers {\n        id\n        operationId\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": types.ExchangePointsDocument,
    "\n  mutation EarnPoints($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        currency\n        partnerId\n        memberId\n        orderRef\n      }\n      transfers {\n        id\n        kind\n        amount\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": types.EarnPointsDocument,
    "\n  mutation RedeemPoints($input: RedeemPointsInput!) {\n    redeemPoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        partnerId\n        memberId\n        orderRef\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": types.RedeemPointsDocument,
    "\n  mutation AuthorizeRedemption($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        amount\n        capturedAmount\n        expiresAt\n        createdAt\n        resolvedAt\n        orderRef\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": types.AuthorizeRedemptionDocument,
    "\n  mutation CaptureRedemption($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n      }\n      transfers {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        amount\n        capturedAmount\n        resolvedAt\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": types.CaptureRedemptionDocument,
    "\n  mutation VoidRedemption($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        capturedAmount\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": types.VoidRedemptionDocument,
    "\n  mutation ReverseTransfer($input: ReverseTransferInput!) {\n    reverseTransfer(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        reversesTransferId\n        reverses {\n          id\n          reversedAmount\n        }\n      }\n      transfers {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n": types.ReverseTransferDocument,
    "\n  mutation EarnPointsBatch($input: EarnPointsBatchInput!) {\n    earnPointsBatch(input: $input) {\n      succeeded\n      failed\n      items {\n        index\n        idempotencyKey\n        result {\n          operationId\n          replayed\n          transfer {\n            id\n            amount\n            memberId\n          }\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.EarnPointsBatchDocument,
    "\n  query MemberBalances($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n  }\n": types.MemberBalancesDocument,
    "\n  query LedgerInvariants {\n    ledgerInvariants(mode: FULL) {\n      ok\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n": types.LedgerInvariantsDocument,
    "\n  query LedgerInvariantsIncremental {\n    ledgerInvariants {\n      ok\n      mode\n      transfersChecked\n      accountsChecked\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n": types.LedgerInvariantsIncrementalDocument,
    "\n  mutation StartInvariantCheckJob($pageSize: Int) {\n    startInvariantCheckJob(pageSize: $pageSize) {\n      id\n      state\n      pageSize\n      processed\n      total\n    }\n  }\n": types.StartInvariantCheckJobDocument,
    "\n  query InvariantCheckJobProgress($id: ID!) {\n    invariantCheckJob(id: $id) {\n      id\n      state\n      pageSize\n      processed\n      total\n      violationCount\n      violations {\n        invariant\n        subject\n        detail\n      }\n      startedBy\n      finishedAt\n    }\n  }\n": types.InvariantCheckJobProgressDocument,
    "\n  mutation CreateCurrency($input: CreateCurrencyInput!) {\n    createCurrency(input: $input) {\n      code\n      kind\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n": types.CreateCurrencyDocument,
    "\n  mutation RunLedgerExpiry {\n    runLedgerExpiry {\n      holdsExpired\n      walletsExpired\n      pointsExpired\n    }\n  }\n": types.RunLedgerExpiryDocument,
    "\n  query GetTransfer($id: ID!) {\n    transfer(id: $id) {\n      id\n      kind\n      amount\n      partnerId\n      memberId\n      reversedAmount\n      holdId\n    }\n  }\n": types.GetTransferDocument,
    "\n  query GetHold($id: ID!) {\n    hold(id: $id) {\n      id\n      status\n      amount\n      capturedAmount\n      partnerId\n      memberId\n      expiresAt\n      resolvedAt\n    }\n  }\n": types.GetHoldDocument,
    "\n  fragment MemberFields on Member {\n    id\n    createdAt\n    erasedAt\n    profile {\n      displayName\n      email\n      phone\n      birthDate\n      locale\n      preferences\n      visibleScopes\n    }\n    tier {\n      name\n      qualifyingPoints\n      nextTier\n      pointsToNextTier\n    }\n    consents {\n      partnerId\n      scope\n      granted\n      at\n    }\n    consentHistory {\n      partnerId\n      scope\n      granted\n      at\n    }\n    partnerLink {\n      partnerId\n      customerId\n    }\n    links {\n      partnerId\n      customerId\n      linkedAt\n    }\n    balances {\n      currency\n      available\n      held\n      owed\n    }\n    transactions(first: 200) {\n      nodes {\n        id\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n    }\n  }\n": types.MemberFieldsFragmentDoc,
    "\n  mutation EnrollMemberFull($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      ...MemberFields\n    }\n  }\n": types.EnrollMemberFullDocument,
    "\n  query MemberFull($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      ...MemberFields\n    }\n  }\n": types.MemberFullDocument,
    "\n  query Me {\n    me {\n      ...MemberFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation UnlinkMember($customerId: String!) {\n    unlinkMember(customerId: $customerId)\n  }\n": types.UnlinkMemberDocument,
    "\n  mutation IssueMemberToken($member: MemberRefInput!) {\n    issueMemberToken(member: $member) {\n      accessToken\n      tokenType\n      expiresIn\n      memberId\n    }\n  }\n": types.IssueMemberTokenDocument,
    "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      displayName\n      email\n      phone\n      birthDate\n      locale\n      preferences\n      visibleScopes\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  mutation SetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      partnerId\n      scope\n      granted\n      at\n    }\n  }\n": types.SetConsentDocument,
    "\n  query ExportMyData {\n    exportMyData\n  }\n": types.ExportMyDataDocument,
    "\n  query MemberDataExport($memberId: String!) {\n    memberDataExport(memberId: $memberId)\n  }\n": types.MemberDataExportDocument,
    "\n  mutation EraseMyData {\n    eraseMyData {\n      id\n      erasedAt\n      profile {\n        displayName\n        email\n        phone\n        birthDate\n        locale\n        preferences\n      }\n      links {\n        partnerId\n      }\n    }\n  }\n": types.EraseMyDataDocument,
    "\n  mutation EraseMember($memberId: String!) {\n    eraseMember(memberId: $memberId) {\n      id\n      erasedAt\n    }\n  }\n": types.EraseMemberDocument,
    "\n  mutation MergeMembers($input: MergeMembersInput!) {\n    mergeMembers(input: $input) {\n      ...MemberFields\n    }\n  }\n": types.MergeMembersDocument,
    "\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n    }\n  }\n": types.CreatePartnerDocument,
    "\n  mutation CreatePartnerCredentials($input: CreatePartnerCredentialsInput!) {\n    createPartnerCredentials(input: $input) {\n      clientId\n      clientSecret\n      partnerId\n      scopes\n      tokenEndpoint\n    }\n  }\n": types.CreatePartnerCredentialsDocument,
    "\n  mutation EnrollMember($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      id\n      createdAt\n      partnerLink {\n        partnerId\n        customerId\n      }\n    }\n  }\n": types.EnrollMemberDocument,
    "\n  mutation SetEarnRules($input: SetEarnRulesInput!) {\n    setEarnRules(input: $input) {\n      id\n      partnerId\n      version\n      effectiveFrom\n      rules\n    }\n  }\n": types.SetEarnRulesDocument,
    "\n  query EarnRuleSets($partnerId: ID) {\n    earnRuleSets(partnerId: $partnerId) {\n      id\n      partnerId\n      version\n      effectiveFrom\n      rules\n    }\n  }\n": types.EarnRuleSetsDocument,
    "\n  fragment CampaignFields on Campaign {\n    id\n    partnerId\n    name\n    startsAt\n    endsAt\n    stacking\n    definition\n    funders {\n      partnerId\n      share\n    }\n    budget\n    status\n  }\n": types.CampaignFieldsFragmentDoc,
    "\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      ...CampaignFields\n    }\n  }\n": types.CreateCampaignDocument,
    "\n  query Campaigns($partnerId: ID) {\n    campaigns(partnerId: $partnerId) {\n      ...CampaignFields\n    }\n  }\n": types.CampaignsDocument,
    "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n      status\n    }\n  }\n": types.PauseCampaignDocument,
    "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n      status\n    }\n  }\n": types.ResumeCampaignDocument,
    "\n  mutation EndCampaign($id: ID!) {\n    endCampaign(id: $id) {\n      id\n      status\n    }\n  }\n": types.EndCampaignDocument,
    "\n  query CampaignCost($id: ID!) {\n    campaignCost(id: $id) {\n      partnerId\n      points\n      awards\n    }\n  }\n": types.CampaignCostDocument,
    "\n  fragment BreakdownFields on BreakdownLine {\n    source\n    ref\n    kind\n    currency\n    points\n    funderPartnerId\n    explanation\n  }\n": types.BreakdownFieldsFragmentDoc,
    "\n  query SimulatePurchase($input: PurchaseInput!) {\n    simulatePurchase(input: $input) {\n      ruleSetVersion\n      breakdown {\n        ...BreakdownFields\n      }\n      legs {\n        currency\n        partnerId\n        points\n        transferId\n      }\n    }\n  }\n": types.SimulatePurchaseDocument,
    "\n  mutation RecordPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) {\n      replayed\n      purchase {\n        id\n        partnerId\n        memberId\n        operationId\n        orderRef\n        currency\n        total\n        occurredAt\n        ruleSetVersion\n        breakdown {\n          ...BreakdownFields\n        }\n        legs {\n          currency\n          partnerId\n          points\n          transferId\n        }\n        transferIds\n      }\n    }\n  }\n": types.RecordPurchaseDocument,
    "\n  mutation RefundPurchase($input: RefundPurchaseInput!) {\n    refundPurchase(input: $input) {\n      id\n      purchaseId\n      amount\n      replayed\n      reversals {\n        transferId\n        partnerId\n        points\n        operationId\n        reversalTransferId\n      }\n    }\n  }\n": types.RefundPurchaseDocument,
    "\n  fragment RewardFields on Reward {\n    id\n    partnerId\n    kind\n    title\n    currency\n    price\n    priceVersion\n    minTier\n    audience\n    perMemberLimit\n    fulfilmentSeconds\n    instant\n    status\n    stock\n    codePool {\n      free\n      total\n      low\n    }\n  }\n": types.RewardFieldsFragmentDoc,
    "\n  fragment RedemptionFields on RewardRedemption {\n    id\n    rewardId\n    partnerId\n    memberId\n    status\n    price\n    priceVersion\n    currency\n    code\n    holdId\n    transferId\n    resolvedAt\n  }\n": types.RedemptionFieldsFragmentDoc,
    "\n  mutation CreateReward($input: CreateRewardInput!) {\n    createReward(input: $input) {\n      ...RewardFields\n    }\n  }\n": types.CreateRewardDocument,
    "\n  mutation UpdateReward($input: UpdateRewardInput!) {\n    updateReward(input: $input) {\n      ...RewardFields\n    }\n  }\n": types.UpdateRewardDocument,
    "\n  mutation SetRewardPrice($id: ID!, $price: BigInt!) {\n    setRewardPrice(id: $id, price: $price) {\n      ...RewardFields\n    }\n  }\n": types.SetRewardPriceDocument,
    "\n  mutation PublishReward($id: ID!) {\n    publishReward(id: $id) {\n      id\n      status\n    }\n  }\n": types.PublishRewardDocument,
    "\n  mutation PauseReward($id: ID!) {\n    pauseReward(id: $id) {\n      id\n      status\n    }\n  }\n": types.PauseRewardDocument,
    "\n  mutation RetireReward($id: ID!) {\n    retireReward(id: $id) {\n      id\n      status\n    }\n  }\n": types.RetireRewardDocument,
    "\n  mutation AddRewardStock($id: ID!, $quantity: BigInt!) {\n    addRewardStock(id: $id, quantity: $quantity) {\n      id\n      stock\n    }\n  }\n": types.AddRewardStockDocument,
    "\n  mutation UploadRewardCodes($input: UploadRewardCodesInput!) {\n    uploadRewardCodes(input: $input) {\n      id\n      rewardId\n      count\n    }\n  }\n": types.UploadRewardCodesDocument,
    "\n  mutation GenerateRewardCodes($input: GenerateRewardCodesInput!) {\n    generateRewardCodes(input: $input) {\n      id\n      rewardId\n      count\n    }\n  }\n": types.GenerateRewardCodesDocument,
    "\n  mutation RedeemReward($input: RedeemRewardInput!) {\n    redeemReward(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.RedeemRewardDocument,
    "\n  mutation FulfilRewardRedemption($input: ResolveRewardRedemptionInput!) {\n    fulfilRewardRedemption(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n      }\n    }\n  }\n": types.FulfilRewardRedemptionDocument,
    "\n  mutation CancelRewardRedemption($input: ResolveRewardRedemptionInput!) {\n    cancelRewardRedemption(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n      }\n    }\n  }\n": types.CancelRewardRedemptionDocument,
    "\n  query GetReward($id: ID!) {\n    reward(id: $id) {\n      ...RewardFields\n    }\n  }\n": types.GetRewardDocument,
    "\n  query PartnerRewards($partnerId: ID, $status: RewardStatus, $first: Int, $after: String) {\n    rewards(partnerId: $partnerId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...RewardFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PartnerRewardsDocument,
    "\n  query RewardCatalog($filter: RewardCatalogFilter, $sort: RewardCatalogSort, $first: Int, $after: String) {\n    rewardCatalog(filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes {\n        reward {\n          id\n          partnerId\n          kind\n          price\n          minTier\n          audience\n        }\n        eligible\n        ineligibleReason\n        inStock\n        available\n        pointsNeeded\n        redeemable\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RewardCatalogDocument,
    "\n  query MyRewardRedemptions($first: Int, $after: String) {\n    myRewardRedemptions(first: $first, after: $after) {\n      nodes {\n        ...RedemptionFields\n        reward {\n          id\n          title\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyRewardRedemptionsDocument,
    "\n  query PartnerRewardRedemptions($partnerId: ID, $status: RewardRedemptionStatus, $first: Int, $after: String) {\n    rewardRedemptions(partnerId: $partnerId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...RedemptionFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PartnerRewardRedemptionsDocument,
    "\n  query GetRewardRedemption($id: ID!) {\n    rewardRedemption(id: $id) {\n      ...RedemptionFields\n    }\n  }\n": types.GetRewardRedemptionDocument,
    "\n  mutation AddRewardToWishlist($rewardId: ID!) {\n    addRewardToWishlist(rewardId: $rewardId)\n  }\n": types.AddRewardToWishlistDocument,
    "\n  mutation RemoveRewardFromWishlist($rewardId: ID!) {\n    removeRewardFromWishlist(rewardId: $rewardId)\n  }\n": types.RemoveRewardFromWishlistDocument,
    "\n  query MyRewardWishlist {\n    myRewardWishlist {\n      reward {\n        id\n        price\n      }\n      eligible\n      ineligibleReason\n      pointsNeeded\n      redeemable\n    }\n  }\n": types.MyRewardWishlistDocument,
    "\n  fragment ContractFields on PartnerContract {\n    id\n    partnerId\n    version\n    effectiveFrom\n    settlementCurrency\n    fiatScale\n    issuePrice\n    redemptionPrice\n    billingMode\n    creditLimit\n    period\n    periodSeconds\n  }\n": types.ContractFieldsFragmentDoc,
    "\n  mutation SetPartnerContract($input: SetPartnerContractInput!) {\n    setPartnerContract(input: $input) {\n      ...ContractFields\n    }\n  }\n": types.SetPartnerContractDocument,
    "\n  query PartnerContracts($partnerId: ID!) {\n    partnerContracts(partnerId: $partnerId) {\n      ...ContractFields\n    }\n  }\n": types.PartnerContractsDocument,
    "\n  mutation RecordPrepaidTopUp($partnerId: ID!, $amount: String!, $reference: String) {\n    recordPrepaidTopUp(partnerId: $partnerId, amount: $amount, reference: $reference) {\n      partnerId\n      remaining\n    }\n  }\n": types.RecordPrepaidTopUpDocument,
    "\n  query PartnerBudget($partnerId: ID!) {\n    partnerBudget(partnerId: $partnerId) {\n      partnerId\n      remaining\n    }\n  }\n": types.PartnerBudgetDocument,
    "\n  fragment StatementFields on SettlementStatement {\n    id\n    partnerId\n    periodStart\n    periodEnd\n    status\n    fiatCurrency\n    lines {\n      kind\n      transfers\n      points\n      amount\n    }\n    dueToHub\n    dueToPartner\n    netExact\n    net\n    rounding\n    transferCount\n    digest\n    closedAt\n    paidAt\n    paymentReference\n  }\n": types.StatementFieldsFragmentDoc,
    "\n  query SettlementStatement($partnerId: ID!, $at: DateTime) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      ...StatementFields\n    }\n  }\n": types.SettlementStatementDocument,
    "\n  query SettlementStatements($partnerId: ID!, $before: DateTime) {\n    settlementStatements(partnerId: $partnerId, before: $before) {\n      ...StatementFields\n    }\n  }\n": types.SettlementStatementsDocument,
    "\n  mutation CloseSettlementPeriod($input: StatementRefInput!) {\n    closeSettlementPeriod(input: $input) {\n      ...StatementFields\n    }\n  }\n": types.CloseSettlementPeriodDocument,
    "\n  mutation MarkStatementPaid($input: StatementRefInput!, $paymentReference: String!) {\n    markStatementPaid(input: $input, paymentReference: $paymentReference) {\n      ...StatementFields\n    }\n  }\n": types.MarkStatementPaidDocument,
    "\n  query ReconcileSettlements {\n    reconcileSettlements {\n      ok\n      checkedAt\n      statementsChecked\n      valuationsChecked\n      unpricedTransfers\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n": types.ReconcileSettlementsDocument,
    "\n  mutation RecordSettlementFee($input: RecordSettlementFeeInput!) {\n    recordSettlementFee(input: $input) {\n      id\n      partnerId\n      amount\n      description\n      createdAt\n    }\n  }\n": types.RecordSettlementFeeDocument,
    "\n  query InterPartnerFlows($from: DateTime!, $to: DateTime!) {\n    interPartnerFlows(from: $from, to: $to) {\n      issuerPartnerId\n      redeemerPartnerId\n      points\n      issuerFiat\n      issuerCurrency\n      redeemerFiat\n      redeemerCurrency\n    }\n  }\n": types.InterPartnerFlowsDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        partnerId\n        url\n        description\n        eventTypes\n        enabled\n        previousSecretUntil\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      eventTypes\n      enabled\n      description\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($id: ID!, $overlapSeconds: Int) {\n    rotateWebhookSecret(id: $id, overlapSeconds: $overlapSeconds) {\n      secret\n      endpoint {\n        id\n        previousSecretUntil\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  query WebhookEndpoints($partnerId: ID) {\n    webhookEndpoints(partnerId: $partnerId) {\n      id\n      partnerId\n      url\n      eventTypes\n      enabled\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WebhookEventTypes {\n    webhookEventTypes {\n      type\n      version\n      description\n    }\n  }\n": types.WebhookEventTypesDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        eventId\n        eventType\n        memberId\n        status\n        attempts\n        nextAttemptAt\n        lastStatusCode\n        lastError\n        attemptLog {\n          statusCode\n          latencyMs\n          error\n          responseExcerpt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n": types.ReplayWebhookDeliveryDocument,
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
export function graphql(source: "\n  query FlowViewer {\n    viewer {\n      role\n      partner {\n        id\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowViewer {\n    viewer {\n      role\n      partner {\n        id\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowMember($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      partnerLink {\n        customerId\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowMember($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      partnerLink {\n        customerId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowPartner($id: ID!) {\n    partner(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query FlowPartner($id: ID!) {\n    partner(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowPartners($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      nodes {\n        id\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowPartners($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      nodes {\n        id\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlowSuspend($id: ID!) {\n    updatePartner(input: { id: $id, status: SUSPENDED }) {\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation FlowSuspend($id: ID!) {\n    updatePartner(input: { id: $id, status: SUSPENDED }) {\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowEntities($representations: [_Any!]!) {\n    _entities(representations: $representations) {\n      ... on Member {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowEntities($representations: [_Any!]!) {\n    _entities(representations: $representations) {\n      ... on Member {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditRecords($filter: AuditRecordFilter, $first: Int, $after: String) {\n    auditRecords(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        requestId\n        operation\n        actorRole\n        actorSubject\n        partnerId\n        targetTable\n        targetId\n        action\n        changes {\n          field\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditRecords($filter: AuditRecordFilter, $first: Int, $after: String) {\n    auditRecords(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        requestId\n        operation\n        actorRole\n        actorSubject\n        partnerId\n        targetTable\n        targetId\n        action\n        changes {\n          field\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditCreateCredentials($partnerId: ID!) {\n    createPartnerCredentials(input: { partnerId: $partnerId, label: \"till 7\" }) {\n      clientId\n      clientSecret\n    }\n  }\n"): (typeof documents)["\n  mutation AuditCreateCredentials($partnerId: ID!) {\n    createPartnerCredentials(input: { partnerId: $partnerId, label: \"till 7\" }) {\n      clientId\n      clientSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListPartners($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      nodes {\n        id\n        code\n      }\n      edges {\n        cursor\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListPartners($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      nodes {\n        id\n        code\n      }\n      edges {\n        cursor\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBrandedCurrency($input: CreateCurrencyInput!) {\n    createCurrency(input: $input) {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBrandedCurrency($input: CreateCurrencyInput!) {\n    createCurrency(input: $input) {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrandedCurrencies {\n    currencies {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n"): (typeof documents)["\n  query BrandedCurrencies {\n    currencies {\n      code\n      name\n      kind\n      scale\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExchangeMutationFields {\n    __type(name: \"Mutation\") {\n      fields {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExchangeMutationFields {\n    __type(name: \"Mutation\") {\n      fields {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Entities($representations: [_Any!]!) {\n    _entities(representations: $representations) {\n      __typename\n      ... on Partner {\n        id\n        code\n      }\n      ... on Member {\n        id\n        partnerLink {\n          customerId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Entities($representations: [_Any!]!) {\n    _entities(representations: $representations) {\n      __typename\n      ... on Partner {\n        id\n        code\n      }\n      ... on Member {\n        id\n        partnerLink {\n          customerId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerCodes {\n    partners(first: 5) {\n      nodes {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerCodes {\n    partners(first: 5) {\n      nodes {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LedgerSuspendPartner($id: ID!) {\n    updatePartner(input: { id: $id, status: SUSPENDED }) {\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation LedgerSuspendPartner($id: ID!) {\n    updatePartner(input: { id: $id, status: SUSPENDED }) {\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelBalances($a: MemberRefInput!, $b: MemberRefInput!, $c: MemberRefInput!) {\n    a: member(ref: $a) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n    b: member(ref: $b) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n    c: member(ref: $c) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n  }\n"): (typeof documents)["\n  query ModelBalances($a: MemberRefInput!, $b: MemberRefInput!, $c: MemberRefInput!) {\n    a: member(ref: $a) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n    b: member(ref: $b) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n    c: member(ref: $c) {\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeanEarn($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation LeanEarn($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query History($ref: MemberRefInput!, $first: Int, $after: String, $filter: TransactionFilter) {\n    member(ref: $ref) {\n      transactions(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n          }\n        }\n        nodes {\n          id\n          kind\n          amount\n          partnerId\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query History($ref: MemberRefInput!, $first: Int, $after: String, $filter: TransactionFilter) {\n    member(ref: $ref) {\n      transactions(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n          }\n        }\n        nodes {\n          id\n          kind\n          amount\n          partnerId\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeepHistory($ref: MemberRefInput!, $first: Int) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: $first) {\n        nodes {\n          id\n          kind\n          amount\n          partner {\n            id\n            code\n          }\n          member {\n            id\n            partnerLink {\n              customerId\n            }\n          }\n          reverses {\n            id\n            reversedAmount\n          }\n          reversedAmount\n          hold {\n            id\n            status\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeepHistory($ref: MemberRefInput!, $first: Int) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: $first) {\n        nodes {\n          id\n          kind\n          amount\n          partner {\n            id\n            code\n          }\n          member {\n            id\n            partnerLink {\n              customerId\n            }\n          }\n          reverses {\n            id\n            reversedAmount\n          }\n          reversedAmount\n          hold {\n            id\n            status\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeanAuthorize($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation LeanAuthorize($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeanCapture($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation LeanCapture($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeanVoid($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation LeanVoid($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      operationId\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeanRedeem($input: RedeemPointsInput!) {\n    redeemPoints(input: $input) {\n      operationId\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation LeanRedeem($input: RedeemPointsInput!) {\n    redeemPoints(input: $input) {\n      operationId\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberByRef($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      partnerLink {\n        partnerId\n        customerId\n      }\n      links {\n        partnerId\n        customerId\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberByRef($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      partnerLink {\n        partnerId\n        customerId\n      }\n      links {\n        partnerId\n        customerId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MembersByEmail($email: String!) {\n    membersByEmail(email: $email) {\n      id\n      partnerLink {\n        customerId\n      }\n      profile {\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query MembersByEmail($email: String!) {\n    membersByEmail(email: $email) {\n      id\n      partnerLink {\n        customerId\n      }\n      profile {\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberTransactionsPage($ref: MemberRefInput!, $first: Int, $after: String, $filter: TransactionFilter) {\n    member(ref: $ref) {\n      id\n      transactions(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n            partnerId\n            orderRef\n            currency\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberTransactionsPage($ref: MemberRefInput!, $first: Int, $after: String, $filter: TransactionFilter) {\n    member(ref: $ref) {\n      id\n      transactions(first: $first, after: $after, filter: $filter) {\n        edges {\n          cursor\n          node {\n            id\n            partnerId\n            orderRef\n            currency\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransferWithMember($id: ID!) {\n    transfer(id: $id) {\n      id\n      partner {\n        id\n        code\n      }\n      reverses {\n        id\n      }\n      member {\n        ...MemberFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query TransferWithMember($id: ID!) {\n    transfer(id: $id) {\n      id\n      partner {\n        id\n        code\n      }\n      reverses {\n        id\n      }\n      member {\n        ...MemberFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerMember {\n    viewer {\n      role\n      member {\n        id\n      }\n      partner {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerMember {\n    viewer {\n      role\n      member {\n        id\n      }\n      partner {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerById($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query PartnerById($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhoAmI {\n    viewer {\n      role\n      scopes\n      partner {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query WhoAmI {\n    viewer {\n      role\n      scopes\n      partner {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCredentials($clientId: String!) {\n    revokePartnerCredentials(clientId: $clientId)\n  }\n"): (typeof documents)["\n  mutation RevokeCredentials($clientId: String!) {\n    revokePartnerCredentials(clientId: $clientId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      role\n      scopes\n      partner {\n        id\n        code\n        name\n        status\n        settlementCurrency\n      }\n      member {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      role\n      scopes\n      partner {\n        id\n        code\n        name\n        status\n        settlementCurrency\n      }\n      member {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnePartner($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n    }\n  }\n"): (typeof documents)["\n  query OnePartner($id: ID!) {\n    partner(id: $id) {\n      id\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnersPage($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          code\n        }\n      }\n      nodes {\n        id\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnersPage($first: Int, $after: String) {\n    partners(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          code\n        }\n      }\n      nodes {\n        id\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      id\n      name\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      id\n      name\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerPartner {\n    viewer {\n      partner {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query ViewerPartner {\n    viewer {\n      partner {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeanPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) {\n      replayed\n      purchase {\n        id\n        legs {\n          points\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LeanPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) {\n      replayed\n      purchase {\n        id\n        legs {\n          points\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeanEarnById($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n    }\n  }\n"): (typeof documents)["\n  mutation LeanEarnById($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplicaMemberReads($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: 50) {\n        nodes {\n          id\n          amount\n          walletDelta\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReplicaMemberReads($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: 50) {\n        nodes {\n          id\n          amount\n          walletDelta\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplicaMyReads {\n    me {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: 50) {\n        nodes {\n          id\n          amount\n          walletDelta\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReplicaMyReads {\n    me {\n      id\n      balances {\n        currency\n        available\n      }\n      transactions(first: 50) {\n        nodes {\n          id\n          amount\n          walletDelta\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReconcileSettlementPeriod($input: StatementRefInput!) {\n    reconcileSettlementPeriod(input: $input) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReconcileSettlementPeriod($input: StatementRefInput!) {\n    reconcileSettlementPeriod(input: $input) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      transfersChecked\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettlementReconciliations($partnerId: ID!, $before: DateTime) {\n    settlementReconciliations(partnerId: $partnerId, before: $before) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      differences {\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n"): (typeof documents)["\n  query SettlementReconciliations($partnerId: ID!, $before: DateTime) {\n    settlementReconciliations(partnerId: $partnerId, before: $before) {\n      partnerId\n      periodStart\n      statementId\n      reconciledAt\n      ok\n      differences {\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetExchangeRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetExchangeRate($input: SetExchangeRateInput!) {\n    setExchangeRate(input: $input) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExchangeRates($currency: String!, $direction: ExchangeRateDirection) {\n    exchangeRates(currency: $currency, direction: $direction) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query ExchangeRates($currency: String!, $direction: ExchangeRateDirection) {\n    exchangeRates(currency: $currency, direction: $direction) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExchangeRateAt($currency: String!, $direction: ExchangeRateDirection!, $at: DateTime) {\n    exchangeRateAt(currency: $currency, direction: $direction, at: $at) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query ExchangeRateAt($currency: String!, $direction: ExchangeRateDirection!, $at: DateTime) {\n    exchangeRateAt(currency: $currency, direction: $direction, at: $at) {\n      id\n      currency\n      direction\n      rate\n      spread\n      minimumAmount\n      increment\n      effectiveFrom\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuoteExchange($input: QuoteExchangeInput!) {\n    quoteExchange(input: $input) {\n      id\n      memberId\n      fromCurrency\n      toCurrency\n      amountIn\n      amountOut\n      rate\n      exactAmountOut\n      rounding\n      outRateId\n      inRateId\n      expiresAt\n      usedAt\n    }\n  }\n"): (typeof documents)["\n  mutation QuoteExchange($input: QuoteExchangeInput!) {\n    quoteExchange(input: $input) {\n      id\n      memberId\n      fromCurrency\n      toCurrency\n      amountIn\n      amountOut\n      rate\n      exactAmountOut\n      rounding\n      outRateId\n      inRateId\n      expiresAt\n      usedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExchangePoints($input: ExchangePointsInput!) {\n    exchangePoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        operationId\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n      transfers {\n        id\n        operationId\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ExchangePoints($input: ExchangePointsInput!) {\n    exchangePoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        operationId\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n      transfers {\n        id\n        operationId\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EarnPoints($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        currency\n        partnerId\n        memberId\n        orderRef\n      }\n      transfers {\n        id\n        kind\n        amount\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EarnPoints($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        currency\n        partnerId\n        memberId\n        orderRef\n      }\n      transfers {\n        id\n        kind\n        amount\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemPoints($input: RedeemPointsInput!) {\n    redeemPoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        partnerId\n        memberId\n        orderRef\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RedeemPoints($input: RedeemPointsInput!) {\n    redeemPoints(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        partnerId\n        memberId\n        orderRef\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthorizeRedemption($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        amount\n        capturedAmount\n        expiresAt\n        createdAt\n        resolvedAt\n        orderRef\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthorizeRedemption($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        amount\n        capturedAmount\n        expiresAt\n        createdAt\n        resolvedAt\n        orderRef\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CaptureRedemption($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n      }\n      transfers {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        amount\n        capturedAmount\n        resolvedAt\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CaptureRedemption($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n      }\n      transfers {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        amount\n        capturedAmount\n        resolvedAt\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidRedemption($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        capturedAmount\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VoidRedemption($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      hold {\n        id\n        status\n        capturedAmount\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReverseTransfer($input: ReverseTransferInput!) {\n    reverseTransfer(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        reversesTransferId\n        reverses {\n          id\n          reversedAmount\n        }\n      }\n      transfers {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReverseTransfer($input: ReverseTransferInput!) {\n    reverseTransfer(input: $input) {\n      operationId\n      replayed\n      transfer {\n        id\n        kind\n        amount\n        walletDelta\n        reversesTransferId\n        reverses {\n          id\n          reversedAmount\n        }\n      }\n      transfers {\n        id\n        kind\n        amount\n        walletDelta\n      }\n      balance {\n        available\n        held\n        owed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EarnPointsBatch($input: EarnPointsBatchInput!) {\n    earnPointsBatch(input: $input) {\n      succeeded\n      failed\n      items {\n        index\n        idempotencyKey\n        result {\n          operationId\n          replayed\n          transfer {\n            id\n            amount\n            memberId\n          }\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EarnPointsBatch($input: EarnPointsBatchInput!) {\n    earnPointsBatch(input: $input) {\n      succeeded\n      failed\n      items {\n        index\n        idempotencyKey\n        result {\n          operationId\n          replayed\n          transfer {\n            id\n            amount\n            memberId\n          }\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberBalances($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberBalances($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      id\n      balances {\n        currency\n        available\n        held\n        owed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerInvariants {\n    ledgerInvariants(mode: FULL) {\n      ok\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n"): (typeof documents)["\n  query LedgerInvariants {\n    ledgerInvariants(mode: FULL) {\n      ok\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerInvariantsIncremental {\n    ledgerInvariants {\n      ok\n      mode\n      transfersChecked\n      accountsChecked\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n"): (typeof documents)["\n  query LedgerInvariantsIncremental {\n    ledgerInvariants {\n      ok\n      mode\n      transfersChecked\n      accountsChecked\n      violations {\n        invariant\n        subject\n        detail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartInvariantCheckJob($pageSize: Int) {\n    startInvariantCheckJob(pageSize: $pageSize) {\n      id\n      state\n      pageSize\n      processed\n      total\n    }\n  }\n"): (typeof documents)["\n  mutation StartInvariantCheckJob($pageSize: Int) {\n    startInvariantCheckJob(pageSize: $pageSize) {\n      id\n      state\n      pageSize\n      processed\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvariantCheckJobProgress($id: ID!) {\n    invariantCheckJob(id: $id) {\n      id\n      state\n      pageSize\n      processed\n      total\n      violationCount\n      violations {\n        invariant\n        subject\n        detail\n      }\n      startedBy\n      finishedAt\n    }\n  }\n"): (typeof documents)["\n  query InvariantCheckJobProgress($id: ID!) {\n    invariantCheckJob(id: $id) {\n      id\n      state\n      pageSize\n      processed\n      total\n      violationCount\n      violations {\n        invariant\n        subject\n        detail\n      }\n      startedBy\n      finishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCurrency($input: CreateCurrencyInput!) {\n    createCurrency(input: $input) {\n      code\n      kind\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCurrency($input: CreateCurrencyInput!) {\n    createCurrency(input: $input) {\n      code\n      kind\n      issuerPartnerId\n      expiryPolicy\n      expiryPeriod\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunLedgerExpiry {\n    runLedgerExpiry {\n      holdsExpired\n      walletsExpired\n      pointsExpired\n    }\n  }\n"): (typeof documents)["\n  mutation RunLedgerExpiry {\n    runLedgerExpiry {\n      holdsExpired\n      walletsExpired\n      pointsExpired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetTransfer($id: ID!) {\n    transfer(id: $id) {\n      id\n      kind\n      amount\n      partnerId\n      memberId\n      reversedAmount\n      holdId\n    }\n  }\n"): (typeof documents)["\n  query GetTransfer($id: ID!) {\n    transfer(id: $id) {\n      id\n      kind\n      amount\n      partnerId\n      memberId\n      reversedAmount\n      holdId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetHold($id: ID!) {\n    hold(id: $id) {\n      id\n      status\n      amount\n      capturedAmount\n      partnerId\n      memberId\n      expiresAt\n      resolvedAt\n    }\n  }\n"): (typeof documents)["\n  query GetHold($id: ID!) {\n    hold(id: $id) {\n      id\n      status\n      amount\n      capturedAmount\n      partnerId\n      memberId\n      expiresAt\n      resolvedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberFields on Member {\n    id\n    createdAt\n    erasedAt\n    profile {\n      displayName\n      email\n      phone\n      birthDate\n      locale\n      preferences\n      visibleScopes\n    }\n    tier {\n      name\n      qualifyingPoints\n      nextTier\n      pointsToNextTier\n    }\n    consents {\n      partnerId\n      scope\n      granted\n      at\n    }\n    consentHistory {\n      partnerId\n      scope\n      granted\n      at\n    }\n    partnerLink {\n      partnerId\n      customerId\n    }\n    links {\n      partnerId\n      customerId\n      linkedAt\n    }\n    balances {\n      currency\n      available\n      held\n      owed\n    }\n    transactions(first: 200) {\n      nodes {\n        id\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MemberFields on Member {\n    id\n    createdAt\n    erasedAt\n    profile {\n      displayName\n      email\n      phone\n      birthDate\n      locale\n      preferences\n      visibleScopes\n    }\n    tier {\n      name\n      qualifyingPoints\n      nextTier\n      pointsToNextTier\n    }\n    consents {\n      partnerId\n      scope\n      granted\n      at\n    }\n    consentHistory {\n      partnerId\n      scope\n      granted\n      at\n    }\n    partnerLink {\n      partnerId\n      customerId\n    }\n    links {\n      partnerId\n      customerId\n      linkedAt\n    }\n    balances {\n      currency\n      available\n      held\n      owed\n    }\n    transactions(first: 200) {\n      nodes {\n        id\n        kind\n        currency\n        amount\n        walletDelta\n        partnerId\n        memberId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollMemberFull($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      ...MemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation EnrollMemberFull($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      ...MemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberFull($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      ...MemberFields\n    }\n  }\n"): (typeof documents)["\n  query MemberFull($ref: MemberRefInput!) {\n    member(ref: $ref) {\n      ...MemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...MemberFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...MemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkMember($customerId: String!) {\n    unlinkMember(customerId: $customerId)\n  }\n"): (typeof documents)["\n  mutation UnlinkMember($customerId: String!) {\n    unlinkMember(customerId: $customerId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueMemberToken($member: MemberRefInput!) {\n    issueMemberToken(member: $member) {\n      accessToken\n      tokenType\n      expiresIn\n      memberId\n    }\n  }\n"): (typeof documents)["\n  mutation IssueMemberToken($member: MemberRefInput!) {\n    issueMemberToken(member: $member) {\n      accessToken\n      tokenType\n      expiresIn\n      memberId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      displayName\n      email\n      phone\n      birthDate\n      locale\n      preferences\n      visibleScopes\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($input: UpdateProfileInput!) {\n    updateMyProfile(input: $input) {\n      displayName\n      email\n      phone\n      birthDate\n      locale\n      preferences\n      visibleScopes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      partnerId\n      scope\n      granted\n      at\n    }\n  }\n"): (typeof documents)["\n  mutation SetConsent($input: SetConsentInput!) {\n    setConsent(input: $input) {\n      partnerId\n      scope\n      granted\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportMyData {\n    exportMyData\n  }\n"): (typeof documents)["\n  query ExportMyData {\n    exportMyData\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberDataExport($memberId: String!) {\n    memberDataExport(memberId: $memberId)\n  }\n"): (typeof documents)["\n  query MemberDataExport($memberId: String!) {\n    memberDataExport(memberId: $memberId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseMyData {\n    eraseMyData {\n      id\n      erasedAt\n      profile {\n        displayName\n        email\n        phone\n        birthDate\n        locale\n        preferences\n      }\n      links {\n        partnerId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EraseMyData {\n    eraseMyData {\n      id\n      erasedAt\n      profile {\n        displayName\n        email\n        phone\n        birthDate\n        locale\n        preferences\n      }\n      links {\n        partnerId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseMember($memberId: String!) {\n    eraseMember(memberId: $memberId) {\n      id\n      erasedAt\n    }\n  }\n"): (typeof documents)["\n  mutation EraseMember($memberId: String!) {\n    eraseMember(memberId: $memberId) {\n      id\n      erasedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeMembers($input: MergeMembersInput!) {\n    mergeMembers(input: $input) {\n      ...MemberFields\n    }\n  }\n"): (typeof documents)["\n  mutation MergeMembers($input: MergeMembersInput!) {\n    mergeMembers(input: $input) {\n      ...MemberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      id\n      code\n      name\n      status\n      settlementCurrency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePartnerCredentials($input: CreatePartnerCredentialsInput!) {\n    createPartnerCredentials(input: $input) {\n      clientId\n      clientSecret\n      partnerId\n      scopes\n      tokenEndpoint\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePartnerCredentials($input: CreatePartnerCredentialsInput!) {\n    createPartnerCredentials(input: $input) {\n      clientId\n      clientSecret\n      partnerId\n      scopes\n      tokenEndpoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollMember($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      id\n      createdAt\n      partnerLink {\n        partnerId\n        customerId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EnrollMember($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      id\n      createdAt\n      partnerLink {\n        partnerId\n        customerId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetEarnRules($input: SetEarnRulesInput!) {\n    setEarnRules(input: $input) {\n      id\n      partnerId\n      version\n      effectiveFrom\n      rules\n    }\n  }\n"): (typeof documents)["\n  mutation SetEarnRules($input: SetEarnRulesInput!) {\n    setEarnRules(input: $input) {\n      id\n      partnerId\n      version\n      effectiveFrom\n      rules\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EarnRuleSets($partnerId: ID) {\n    earnRuleSets(partnerId: $partnerId) {\n      id\n      partnerId\n      version\n      effectiveFrom\n      rules\n    }\n  }\n"): (typeof documents)["\n  query EarnRuleSets($partnerId: ID) {\n    earnRuleSets(partnerId: $partnerId) {\n      id\n      partnerId\n      version\n      effectiveFrom\n      rules\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignFields on Campaign {\n    id\n    partnerId\n    name\n    startsAt\n    endsAt\n    stacking\n    definition\n    funders {\n      partnerId\n      share\n    }\n    budget\n    status\n  }\n"): (typeof documents)["\n  fragment CampaignFields on Campaign {\n    id\n    partnerId\n    name\n    startsAt\n    endsAt\n    stacking\n    definition\n    funders {\n      partnerId\n      share\n    }\n    budget\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaigns($partnerId: ID) {\n    campaigns(partnerId: $partnerId) {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  query Campaigns($partnerId: ID) {\n    campaigns(partnerId: $partnerId) {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeCampaign($id: ID!) {\n    resumeCampaign(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndCampaign($id: ID!) {\n    endCampaign(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation EndCampaign($id: ID!) {\n    endCampaign(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignCost($id: ID!) {\n    campaignCost(id: $id) {\n      partnerId\n      points\n      awards\n    }\n  }\n"): (typeof documents)["\n  query CampaignCost($id: ID!) {\n    campaignCost(id: $id) {\n      partnerId\n      points\n      awards\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BreakdownFields on BreakdownLine {\n    source\n    ref\n    kind\n    currency\n    points\n    funderPartnerId\n    explanation\n  }\n"): (typeof documents)["\n  fragment BreakdownFields on BreakdownLine {\n    source\n    ref\n    kind\n    currency\n    points\n    funderPartnerId\n    explanation\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimulatePurchase($input: PurchaseInput!) {\n    simulatePurchase(input: $input) {\n      ruleSetVersion\n      breakdown {\n        ...BreakdownFields\n      }\n      legs {\n        currency\n        partnerId\n        points\n        transferId\n      }\n    }\n  }\n"): (typeof documents)["\n  query SimulatePurchase($input: PurchaseInput!) {\n    simulatePurchase(input: $input) {\n      ruleSetVersion\n      breakdown {\n        ...BreakdownFields\n      }\n      legs {\n        currency\n        partnerId\n        points\n        transferId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) {\n      replayed\n      purchase {\n        id\n        partnerId\n        memberId\n        operationId\n        orderRef\n        currency\n        total\n        occurredAt\n        ruleSetVersion\n        breakdown {\n          ...BreakdownFields\n        }\n        legs {\n          currency\n          partnerId\n          points\n          transferId\n        }\n        transferIds\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordPurchase($input: RecordPurchaseInput!) {\n    recordPurchase(input: $input) {\n      replayed\n      purchase {\n        id\n        partnerId\n        memberId\n        operationId\n        orderRef\n        currency\n        total\n        occurredAt\n        ruleSetVersion\n        breakdown {\n          ...BreakdownFields\n        }\n        legs {\n          currency\n          partnerId\n          points\n          transferId\n        }\n        transferIds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundPurchase($input: RefundPurchaseInput!) {\n    refundPurchase(input: $input) {\n      id\n      purchaseId\n      amount\n      replayed\n      reversals {\n        transferId\n        partnerId\n        points\n        operationId\n        reversalTransferId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefundPurchase($input: RefundPurchaseInput!) {\n    refundPurchase(input: $input) {\n      id\n      purchaseId\n      amount\n      replayed\n      reversals {\n        transferId\n        partnerId\n        points\n        operationId\n        reversalTransferId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RewardFields on Reward {\n    id\n    partnerId\n    kind\n    title\n    currency\n    price\n    priceVersion\n    minTier\n    audience\n    perMemberLimit\n    fulfilmentSeconds\n    instant\n    status\n    stock\n    codePool {\n      free\n      total\n      low\n    }\n  }\n"): (typeof documents)["\n  fragment RewardFields on Reward {\n    id\n    partnerId\n    kind\n    title\n    currency\n    price\n    priceVersion\n    minTier\n    audience\n    perMemberLimit\n    fulfilmentSeconds\n    instant\n    status\n    stock\n    codePool {\n      free\n      total\n      low\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RedemptionFields on RewardRedemption {\n    id\n    rewardId\n    partnerId\n    memberId\n    status\n    price\n    priceVersion\n    currency\n    code\n    holdId\n    transferId\n    resolvedAt\n  }\n"): (typeof documents)["\n  fragment RedemptionFields on RewardRedemption {\n    id\n    rewardId\n    partnerId\n    memberId\n    status\n    price\n    priceVersion\n    currency\n    code\n    holdId\n    transferId\n    resolvedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReward($input: CreateRewardInput!) {\n    createReward(input: $input) {\n      ...RewardFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateReward($input: CreateRewardInput!) {\n    createReward(input: $input) {\n      ...RewardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateReward($input: UpdateRewardInput!) {\n    updateReward(input: $input) {\n      ...RewardFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateReward($input: UpdateRewardInput!) {\n    updateReward(input: $input) {\n      ...RewardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRewardPrice($id: ID!, $price: BigInt!) {\n    setRewardPrice(id: $id, price: $price) {\n      ...RewardFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetRewardPrice($id: ID!, $price: BigInt!) {\n    setRewardPrice(id: $id, price: $price) {\n      ...RewardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishReward($id: ID!) {\n    publishReward(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PublishReward($id: ID!) {\n    publishReward(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseReward($id: ID!) {\n    pauseReward(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PauseReward($id: ID!) {\n    pauseReward(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireReward($id: ID!) {\n    retireReward(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RetireReward($id: ID!) {\n    retireReward(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRewardStock($id: ID!, $quantity: BigInt!) {\n    addRewardStock(id: $id, quantity: $quantity) {\n      id\n      stock\n    }\n  }\n"): (typeof documents)["\n  mutation AddRewardStock($id: ID!, $quantity: BigInt!) {\n    addRewardStock(id: $id, quantity: $quantity) {\n      id\n      stock\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadRewardCodes($input: UploadRewardCodesInput!) {\n    uploadRewardCodes(input: $input) {\n      id\n      rewardId\n      count\n    }\n  }\n"): (typeof documents)["\n  mutation UploadRewardCodes($input: UploadRewardCodesInput!) {\n    uploadRewardCodes(input: $input) {\n      id\n      rewardId\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateRewardCodes($input: GenerateRewardCodesInput!) {\n    generateRewardCodes(input: $input) {\n      id\n      rewardId\n      count\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateRewardCodes($input: GenerateRewardCodesInput!) {\n    generateRewardCodes(input: $input) {\n      id\n      rewardId\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemReward($input: RedeemRewardInput!) {\n    redeemReward(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RedeemReward($input: RedeemRewardInput!) {\n    redeemReward(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n        reward {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FulfilRewardRedemption($input: ResolveRewardRedemptionInput!) {\n    fulfilRewardRedemption(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FulfilRewardRedemption($input: ResolveRewardRedemptionInput!) {\n    fulfilRewardRedemption(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRewardRedemption($input: ResolveRewardRedemptionInput!) {\n    cancelRewardRedemption(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRewardRedemption($input: ResolveRewardRedemptionInput!) {\n    cancelRewardRedemption(input: $input) {\n      replayed\n      redemption {\n        ...RedemptionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetReward($id: ID!) {\n    reward(id: $id) {\n      ...RewardFields\n    }\n  }\n"): (typeof documents)["\n  query GetReward($id: ID!) {\n    reward(id: $id) {\n      ...RewardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerRewards($partnerId: ID, $status: RewardStatus, $first: Int, $after: String) {\n    rewards(partnerId: $partnerId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...RewardFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerRewards($partnerId: ID, $status: RewardStatus, $first: Int, $after: String) {\n    rewards(partnerId: $partnerId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...RewardFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RewardCatalog($filter: RewardCatalogFilter, $sort: RewardCatalogSort, $first: Int, $after: String) {\n    rewardCatalog(filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes {\n        reward {\n          id\n          partnerId\n          kind\n          price\n          minTier\n          audience\n        }\n        eligible\n        ineligibleReason\n        inStock\n        available\n        pointsNeeded\n        redeemable\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RewardCatalog($filter: RewardCatalogFilter, $sort: RewardCatalogSort, $first: Int, $after: String) {\n    rewardCatalog(filter: $filter, sort: $sort, first: $first, after: $after) {\n      nodes {\n        reward {\n          id\n          partnerId\n          kind\n          price\n          minTier\n          audience\n        }\n        eligible\n        ineligibleReason\n        inStock\n        available\n        pointsNeeded\n        redeemable\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRewardRedemptions($first: Int, $after: String) {\n    myRewardRedemptions(first: $first, after: $after) {\n      nodes {\n        ...RedemptionFields\n        reward {\n          id\n          title\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyRewardRedemptions($first: Int, $after: String) {\n    myRewardRedemptions(first: $first, after: $after) {\n      nodes {\n        ...RedemptionFields\n        reward {\n          id\n          title\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerRewardRedemptions($partnerId: ID, $status: RewardRedemptionStatus, $first: Int, $after: String) {\n    rewardRedemptions(partnerId: $partnerId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...RedemptionFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerRewardRedemptions($partnerId: ID, $status: RewardRedemptionStatus, $first: Int, $after: String) {\n    rewardRedemptions(partnerId: $partnerId, status: $status, first: $first, after: $after) {\n      nodes {\n        ...RedemptionFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetRewardRedemption($id: ID!) {\n    rewardRedemption(id: $id) {\n      ...RedemptionFields\n    }\n  }\n"): (typeof documents)["\n  query GetRewardRedemption($id: ID!) {\n    rewardRedemption(id: $id) {\n      ...RedemptionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRewardToWishlist($rewardId: ID!) {\n    addRewardToWishlist(rewardId: $rewardId)\n  }\n"): (typeof documents)["\n  mutation AddRewardToWishlist($rewardId: ID!) {\n    addRewardToWishlist(rewardId: $rewardId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveRewardFromWishlist($rewardId: ID!) {\n    removeRewardFromWishlist(rewardId: $rewardId)\n  }\n"): (typeof documents)["\n  mutation RemoveRewardFromWishlist($rewardId: ID!) {\n    removeRewardFromWishlist(rewardId: $rewardId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRewardWishlist {\n    myRewardWishlist {\n      reward {\n        id\n        price\n      }\n      eligible\n      ineligibleReason\n      pointsNeeded\n      redeemable\n    }\n  }\n"): (typeof documents)["\n  query MyRewardWishlist {\n    myRewardWishlist {\n      reward {\n        id\n        price\n      }\n      eligible\n      ineligibleReason\n      pointsNeeded\n      redeemable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContractFields on PartnerContract {\n    id\n    partnerId\n    version\n    effectiveFrom\n    settlementCurrency\n    fiatScale\n    issuePrice\n    redemptionPrice\n    billingMode\n    creditLimit\n    period\n    periodSeconds\n  }\n"): (typeof documents)["\n  fragment ContractFields on PartnerContract {\n    id\n    partnerId\n    version\n    effectiveFrom\n    settlementCurrency\n    fiatScale\n    issuePrice\n    redemptionPrice\n    billingMode\n    creditLimit\n    period\n    periodSeconds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPartnerContract($input: SetPartnerContractInput!) {\n    setPartnerContract(input: $input) {\n      ...ContractFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetPartnerContract($input: SetPartnerContractInput!) {\n    setPartnerContract(input: $input) {\n      ...ContractFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerContracts($partnerId: ID!) {\n    partnerContracts(partnerId: $partnerId) {\n      ...ContractFields\n    }\n  }\n"): (typeof documents)["\n  query PartnerContracts($partnerId: ID!) {\n    partnerContracts(partnerId: $partnerId) {\n      ...ContractFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPrepaidTopUp($partnerId: ID!, $amount: String!, $reference: String) {\n    recordPrepaidTopUp(partnerId: $partnerId, amount: $amount, reference: $reference) {\n      partnerId\n      remaining\n    }\n  }\n"): (typeof documents)["\n  mutation RecordPrepaidTopUp($partnerId: ID!, $amount: String!, $reference: String) {\n    recordPrepaidTopUp(partnerId: $partnerId, amount: $amount, reference: $reference) {\n      partnerId\n      remaining\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerBudget($partnerId: ID!) {\n    partnerBudget(partnerId: $partnerId) {\n      partnerId\n      remaining\n    }\n  }\n"): (typeof documents)["\n  query PartnerBudget($partnerId: ID!) {\n    partnerBudget(partnerId: $partnerId) {\n      partnerId\n      remaining\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatementFields on SettlementStatement {\n    id\n    partnerId\n    periodStart\n    periodEnd\n    status\n    fiatCurrency\n    lines {\n      kind\n      transfers\n      points\n      amount\n    }\n    dueToHub\n    dueToPartner\n    netExact\n    net\n    rounding\n    transferCount\n    digest\n    closedAt\n    paidAt\n    paymentReference\n  }\n"): (typeof documents)["\n  fragment StatementFields on SettlementStatement {\n    id\n    partnerId\n    periodStart\n    periodEnd\n    status\n    fiatCurrency\n    lines {\n      kind\n      transfers\n      points\n      amount\n    }\n    dueToHub\n    dueToPartner\n    netExact\n    net\n    rounding\n    transferCount\n    digest\n    closedAt\n    paidAt\n    paymentReference\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettlementStatement($partnerId: ID!, $at: DateTime) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      ...StatementFields\n    }\n  }\n"): (typeof documents)["\n  query SettlementStatement($partnerId: ID!, $at: DateTime) {\n    settlementStatement(partnerId: $partnerId, at: $at) {\n      ...StatementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettlementStatements($partnerId: ID!, $before: DateTime) {\n    settlementStatements(partnerId: $partnerId, before: $before) {\n      ...StatementFields\n    }\n  }\n"): (typeof documents)["\n  query SettlementStatements($partnerId: ID!, $before: DateTime) {\n    settlementStatements(partnerId: $partnerId, before: $before) {\n      ...StatementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseSettlementPeriod($input: StatementRefInput!) {\n    closeSettlementPeriod(input: $input) {\n      ...StatementFields\n    }\n  }\n"): (typeof documents)["\n  mutation CloseSettlementPeriod($input: StatementRefInput!) {\n    closeSettlementPeriod(input: $input) {\n      ...StatementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkStatementPaid($input: StatementRefInput!, $paymentReference: String!) {\n    markStatementPaid(input: $input, paymentReference: $paymentReference) {\n      ...StatementFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkStatementPaid($input: StatementRefInput!, $paymentReference: String!) {\n    markStatementPaid(input: $input, paymentReference: $paymentReference) {\n      ...StatementFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconcileSettlements {\n    reconcileSettlements {\n      ok\n      checkedAt\n      statementsChecked\n      valuationsChecked\n      unpricedTransfers\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReconcileSettlements {\n    reconcileSettlements {\n      ok\n      checkedAt\n      statementsChecked\n      valuationsChecked\n      unpricedTransfers\n      differences {\n        statementId\n        partnerId\n        field\n        stored\n        recomputed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSettlementFee($input: RecordSettlementFeeInput!) {\n    recordSettlementFee(input: $input) {\n      id\n      partnerId\n      amount\n      description\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation RecordSettlementFee($input: RecordSettlementFeeInput!) {\n    recordSettlementFee(input: $input) {\n      id\n      partnerId\n      amount\n      description\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InterPartnerFlows($from: DateTime!, $to: DateTime!) {\n    interPartnerFlows(from: $from, to: $to) {\n      issuerPartnerId\n      redeemerPartnerId\n      points\n      issuerFiat\n      issuerCurrency\n      redeemerFiat\n      redeemerCurrency\n    }\n  }\n"): (typeof documents)["\n  query InterPartnerFlows($from: DateTime!, $to: DateTime!) {\n    interPartnerFlows(from: $from, to: $to) {\n      issuerPartnerId\n      redeemerPartnerId\n      points\n      issuerFiat\n      issuerCurrency\n      redeemerFiat\n      redeemerCurrency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        partnerId\n        url\n        description\n        eventTypes\n        enabled\n        previousSecretUntil\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        partnerId\n        url\n        description\n        eventTypes\n        enabled\n        previousSecretUntil\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      eventTypes\n      enabled\n      description\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      url\n      eventTypes\n      enabled\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!, $overlapSeconds: Int) {\n    rotateWebhookSecret(id: $id, overlapSeconds: $overlapSeconds) {\n      secret\n      endpoint {\n        id\n        previousSecretUntil\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!, $overlapSeconds: Int) {\n    rotateWebhookSecret(id: $id, overlapSeconds: $overlapSeconds) {\n      secret\n      endpoint {\n        id\n        previousSecretUntil\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints($partnerId: ID) {\n    webhookEndpoints(partnerId: $partnerId) {\n      id\n      partnerId\n      url\n      eventTypes\n      enabled\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints($partnerId: ID) {\n    webhookEndpoints(partnerId: $partnerId) {\n      id\n      partnerId\n      url\n      eventTypes\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEventTypes {\n    webhookEventTypes {\n      type\n      version\n      description\n    }\n  }\n"): (typeof documents)["\n  query WebhookEventTypes {\n    webhookEventTypes {\n      type\n      version\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        eventId\n        eventType\n        memberId\n        status\n        attempts\n        nextAttemptAt\n        lastStatusCode\n        lastError\n        attemptLog {\n          statusCode\n          latencyMs\n          error\n          responseExcerpt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        eventId\n        eventType\n        memberId\n        status\n        attempts\n        nextAttemptAt\n        lastStatusCode\n        lastError\n        attemptLog {\n          statusCode\n          latencyMs\n          error\n          responseExcerpt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;