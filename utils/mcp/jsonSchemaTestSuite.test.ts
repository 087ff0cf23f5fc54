import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJsonSchema } from './validateJsonSchema';

/**
 * The official JSON Schema Test Suite (required tests of draft 2020-12 and draft-07) through the
 * panel's validator module. No npm-registry package ships the suite's files for these drafts. Each
 * draft is read from JSON_SCHEMA_TEST_SUITE (a checkout of the suite) when set, else from Debian's
 * `json-schema-test-suite` package (/usr/share/json-schema-test-suite, installed by
 * scripts/ensure-setup.mjs; its 2.0.0 has draft-07 but predates 2020-12).
 */
const SUITE_CANDIDATES = [process.env.JSON_SCHEMA_TEST_SUITE, '/usr/share/json-schema-test-suite'];
function suiteRoot(dir: string): string | undefined {
  return SUITE_CANDIDATES.find((root): root is string => !!root && existsSync(join(root, 'tests', dir)));
}

// Skipped, each for a reason that holds for the panel:
const REMOTE = 'needs a schema from another URL: the panel never fetches schemas (a hostile server could make it fetch anything)';
const DYNAMIC = '$dynamicRef/$dynamicAnchor are not implemented by @cfworker/json-schema (the SDK eval-free validator); tool schemas do not use them';
const SKIPS: Record<string, Record<string, string>> = {
  draft2020_12: {
    'refRemote.json': REMOTE,
    'vocabulary.json': `${REMOTE} (a custom metaschema)`,
    'dynamicRef.json': DYNAMIC,
    'defs.json/validate definition against metaschema': `${REMOTE} (the 2020-12 metaschema)`,
    'ref.json/remote ref, containing refs itself': `${REMOTE} (the 2020-12 metaschema)`,
    'ref.json/order of evaluation: $id and $anchor and $ref':
      '@cfworker/json-schema resolves $anchor against the outer base URI when $id and $anchor sit side by side',
    'unevaluatedItems.json/unevaluatedItems with $dynamicRef': DYNAMIC,
    'unevaluatedProperties.json/unevaluatedProperties with $dynamicRef': DYNAMIC,
  },
  draft7: {
    'refRemote.json': REMOTE,
    'definitions.json/validate definition against metaschema': `${REMOTE} (the draft-07 metaschema)`,
    // The same test as named in the suite's 2.0.0 release (Debian's package).
    'definitions.json/valid definition': `${REMOTE} (the draft-07 metaschema)`,
    'definitions.json/invalid definition': `${REMOTE} (the draft-07 metaschema)`,
    'ref.json/remote ref, containing refs itself': `${REMOTE} (the draft-07 metaschema)`,
    'ref.json/$ref prevents a sibling $id from changing the base uri': '@cfworker/json-schema lets a sibling $id change the base URI of a draft-07 $ref',
  },
};

interface Group {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}

const DRAFT07 = 'http://json-schema.org/draft-07/schema#';
describe('JSON Schema Test Suite through validateJsonSchema', () => {
  for (const [dir, key] of [
    ['draft2020-12', 'draft2020_12'],
    ['draft7', 'draft7'],
  ] as const) {
    const root = suiteRoot(dir);
    // Without the suite's files for a draft this says so as a skipped test, rather than passing silently.
    if (!root) {
      describe.skip(`${dir}: suite files not found (set JSON_SCHEMA_TEST_SUITE to a checkout of the suite)`, () => it('runs the suite', () => {}));
      continue;
    }
    describe(dir, () => {
      const skips = SKIPS[key];
      for (const file of readdirSync(join(root, 'tests', dir)).filter((f) => f.endsWith('.json'))) {
        const groups = JSON.parse(readFileSync(join(root, 'tests', dir, file), 'utf8')) as Group[];
        for (const group of groups) {
          const skipped = skips[file] ?? skips[`${file}/${group.description}`];
          it.skipIf(skipped !== undefined)(`${file}: ${group.description}`, () => {
            // Draft-07 schemas say so the way a tool would, with $schema (boolean schemas cannot).
            const schema =
              dir === 'draft7' && typeof group.schema === 'object' && group.schema !== null && !('$schema' in group.schema)
                ? { $schema: DRAFT07, ...group.schema }
                : group.schema;
            const wrong = group.tests.flatMap((test) => {
              const result = checkJsonSchema(test.data, structuredClone(schema), dir === 'draft7' && typeof schema === 'boolean' ? { draft: '7' } : {});
              const valid = result.errors.length === 0;
              return result.unchecked !== undefined || valid !== test.valid
                ? [`${test.description}: expected ${test.valid ? 'valid' : 'invalid'}, got ${result.unchecked ?? (valid ? 'valid' : result.errors.join('; '))}`]
                : [];
            });
            expect(wrong).toEqual([]);
          });
        }
      }
    });
  }
});
