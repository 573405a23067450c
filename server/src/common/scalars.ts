export { GraphQLSafeInt as SafeInt, GraphQLDateTimeISO as DateTimeISO, GraphQLJSONObject as JSONObject } from 'graphql-scalars';
