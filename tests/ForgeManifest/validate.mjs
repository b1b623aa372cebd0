// Validates the repository's manifest.yml with @forge/manifest, offline: the JSON schema and Atlassian's own
// validators (the full check, event scopes of product triggers, Forge Remote compute, deprecated egress and CSP).
// The manifest's variables get test values unless set; resources are looked up from the repository root, so it
// runs from there. Exit code 0 when every check passes; each problem is printed with its line.
// Usage (from the repository root): node tests/ForgeManifest/validate.mjs [manifest.yml]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { ProcessorBuilder, ValidationTypes } = require('@forge/manifest');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = resolve(process.argv[2] ?? join(root, 'manifest.yml'));
process.chdir(root);
process.env.FORGE_APP_ID ??= '00000000-0000-4000-8000-000000000001';
process.env.EXALATE_BACKEND_URL ??= 'https://sync.example.com';

const checks = [
  ValidationTypes.FULL,
  ValidationTypes.PRODUCT_TRIGGER,
  ValidationTypes.FORGE_REMOTE_COMPUTE,
  ValidationTypes.DEPRECATED_EGRESS_PERMISSIONS,
  ValidationTypes.DEPRECATED_CSP_METHOD,
];
let ok = true;
for (const check of checks) {
  const result = await ProcessorBuilder.instance().withValidation(check).build().process(manifest);
  ok &&= result.success;
  console.log(`${check}: ${result.success ? 'ok' : 'FAILED'}`);
  for (const error of result.errors ?? []) console.log(`  [${error.level}] line ${error.line ?? '?'}: ${error.message}`);
}
const version = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'node_modules', '@forge', 'manifest', 'package.json'), 'utf8')).version;
console.log(ok ? `${manifest} is a valid Forge manifest (@forge/manifest ${version})` : `${manifest} is not valid (@forge/manifest ${version})`);
process.exit(ok ? 0 : 1);
