/**
 * A small n8n runtime for integration tests: our REAL nodes run inside n8n-core's REAL `ExecuteContext`,
 * so every request goes through n8n-core's `httpRequestWithAuthentication` / `httpRequest` (axios, via
 * `@n8n/backend-network`'s OutboundHttp) exactly as inside n8n 2.41.
 *
 * What is ours (because it lives in the n8n CLI, which cannot be a dependency here), each file saying what
 * it reproduces from n8n and where it differs on purpose:
 *  - `credentialsHelper.ts`: `InMemoryCredentialsHelper`, n8n 2.41.1's `CredentialsHelper` over an
 *    in-memory "credentials table" instead of the database.
 *  - `credentialTest.ts`: `testCredential()`, n8n 2.41.1's `CredentialsTester` ("Test" on a credential).
 *  - `runNode.ts`: one node run the way `WorkflowExecute.executeNode` does, with the few `additionalData`
 *    fields `ExecuteContext` reads (`buildAdditionalData`).
 *
 * And the test plumbing around it:
 *  - `environment.ts`: the throwaway `N8N_USER_FOLDER` n8n-core's settings go to.
 *  - `types.ts`: our node and credential types as n8n's loader hands them out.
 *  - `fixtures.ts`: a fresh sandbox and credentials table per test, credential data, request look-ups.
 *  - `secrets.ts`: leak checks (no secret of the run in outputs, errors or messages).
 */
export * from './credentialTest';
export * from './credentialsHelper';
export * from './environment';
export * from './fixtures';
export * from './runNode';
export * from './secrets';
export * from './types';
