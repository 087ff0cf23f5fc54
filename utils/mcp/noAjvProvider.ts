/**
 * Stands in for the SDK's default Ajv validator in the extension's bundles (wxt.config.ts aliases
 * it here): the panel always hands the SDK Client its own eval-free validator, and Ajv's generated
 * code is forbidden by the extension's CSP anyway — so Ajv (about 40 KB gzip) never ships.
 */
export class AjvJsonSchemaValidator {
  constructor() {
    throw new Error('The SDK default Ajv validator is not bundled: pass jsonSchemaValidator (PanelJsonSchemaValidator) to the Client.');
  }
}
