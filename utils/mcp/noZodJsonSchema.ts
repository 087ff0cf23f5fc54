/**
 * Stands in for zod's JSON Schema generator (`zod/v4/core/to-json-schema.js` and `json-schema-processors.js`) in the
 * extension's bundles (wxt.config.ts resolves zod's own imports of those two files here). Every zod schema carries a
 * `toJSONSchema()` method, so the generator ships whenever the SDK builds its schemas, although the MCP client only
 * parses with them: nothing in the extension turns a zod schema into JSON Schema. Leaving it out saves about 5 KB gzip.
 */
// The only helper zod's schemas call outside JSON Schema generation (their `minLength`, `format`… getters): the real one.
export { aggregateChecks } from '../../node_modules/zod/v4/core/json-schema-processors.js';

function notBundled(): never {
  throw new Error('zod JSON Schema generation is not bundled in the extension.');
}

// to-json-schema.js
export const createToJSONSchemaMethod = () => notBundled;
export const createStandardJSONSchemaMethod = () => notBundled;
export const initializeContext = notBundled;
export const handleUnrepresentable = notBundled;
export const processSchema = notBundled;
export const extractDefs = notBundled;
export const finalize = notBundled;

// json-schema-processors.js
export const toJSONSchema = notBundled;
export const allProcessors = {};
export const stringProcessor = notBundled;
export const numberProcessor = notBundled;
export const booleanProcessor = notBundled;
export const bigintProcessor = notBundled;
export const symbolProcessor = notBundled;
export const nullProcessor = notBundled;
export const undefinedProcessor = notBundled;
export const voidProcessor = notBundled;
export const neverProcessor = notBundled;
export const anyProcessor = notBundled;
export const unknownProcessor = notBundled;
export const dateProcessor = notBundled;
export const enumProcessor = notBundled;
export const literalProcessor = notBundled;
export const nanProcessor = notBundled;
export const templateLiteralProcessor = notBundled;
export const fileProcessor = notBundled;
export const successProcessor = notBundled;
export const customProcessor = notBundled;
export const functionProcessor = notBundled;
export const transformProcessor = notBundled;
export const mapProcessor = notBundled;
export const setProcessor = notBundled;
export const arrayProcessor = notBundled;
export const objectProcessor = notBundled;
export const unionProcessor = notBundled;
export const intersectionProcessor = notBundled;
export const tupleProcessor = notBundled;
export const recordProcessor = notBundled;
export const nullableProcessor = notBundled;
export const nonoptionalProcessor = notBundled;
export const defaultProcessor = notBundled;
export const prefaultProcessor = notBundled;
export const catchProcessor = notBundled;
export const pipeProcessor = notBundled;
export const readonlyProcessor = notBundled;
export const promiseProcessor = notBundled;
export const optionalProcessor = notBundled;
export const lazyProcessor = notBundled;
