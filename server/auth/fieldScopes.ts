// The scope table lives in server/core/permissions.ts, where services read it too; kept here under
// its old name for the access matrix test, which checks the table against the schema.
export { FIELD_SCOPES, HTTP_SCOPES } from '../core/permissions';
